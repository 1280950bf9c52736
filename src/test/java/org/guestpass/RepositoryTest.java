package org.guestpass;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/**
 * A slice of the application for a repository's SQL: the data source, {@code JdbcClient}
 * and Flyway's schema on the database {@link TestDatabases} chooses (H2 in the fast lane,
 * PostgreSQL too in {@code mvn verify}, as the test is tagged "database"), each test in a
 * transaction rolled back afterwards. Import the repository under test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Tag("database")
public @interface RepositoryTest {

}
