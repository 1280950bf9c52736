package org.guestpass.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

/**
 * The data folder (the embedded database, media files, generated secrets) is readable
 * only by the user GuestPass runs as. It is made so before anything writes to it, as soon
 * as the settings are read, and a folder left readable by an earlier version is closed.
 * Once started, and again when stopping, the embedded database's files are made
 * owner-only too, since the database creates them (its trace file among them) with the
 * system's default permissions; the folder keeps them private in between. Registered in
 * {@code META-INF/spring.factories}, as it must run before any bean.
 */
public class DataFolder implements ApplicationListener<ApplicationEvent> {

	private static final Logger log = LoggerFactory.getLogger(DataFolder.class);

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			prepare(dataDir(prepared.getEnvironment()));
		}
		else if (event instanceof ApplicationReadyEvent || event instanceof ContextClosedEvent) {
			ApplicationContext context = (event instanceof ApplicationReadyEvent ready) ? ready.getApplicationContext()
					: ((ContextClosedEvent) event).getApplicationContext();
			restrictDatabaseFiles(dataDir(context.getEnvironment()).resolve("db"));
		}
	}

	static Path dataDir(Environment environment) {
		// Before any bean: the settings are bound here as they will be for the
		// application.
		return Binder.get(environment).bindOrCreate("guestpass", GuestPassProperties.class).dataDir();
	}

	/** Creates the data folder owner-only, or closes one that others may read. */
	static void prepare(Path dataDir) {
		try {
			boolean existed = Files.isDirectory(dataDir);
			Path folder = OwnerOnlyFiles.createFolders(dataDir);
			if (existed && OwnerOnlyFiles.restrict(folder)) {
				log.info("Made the data folder {} readable only by the user GuestPass runs as", folder);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data folder " + dataDir, ex);
		}
	}

	private static void restrictDatabaseFiles(Path folder) {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
			OwnerOnlyFiles.restrict(folder);
			for (Path file : files) {
				OwnerOnlyFiles.restrict(file);
			}
		}
		catch (IOException ex) {
			log.warn("Could not make the embedded database's files in {} readable only by their owner", folder, ex);
		}
	}

}
