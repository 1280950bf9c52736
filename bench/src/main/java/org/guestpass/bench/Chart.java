package org.guestpass.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * The latency distributions as one PNG: a panel per scenario, latency (log scale) against
 * the percentile (0 to 99.99 %, spread as HdrHistogram's own plots do), one line per
 * load: colour by concurrency, solid for GuestPass, dashed for its baseline.
 */
final class Chart {

	private static final String[] PANELS = { "Admission", "Guest media page", "Streaming", "Growth" };

	private static final Color[] COLOURS = { new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xff7f0e),
			new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b) };

	private static final int WIDTH = 1600;

	private static final int HEIGHT = 1200;

	/**
	 * The x axis: log10(1 / (1 - p)), so 90 % is at 1, 99 % at 2, 99.9 % at 3, 99.99 % at
	 * 4.
	 */
	private static final double X_MAX = 4;

	private Chart() {
	}

	static void write(Path file, List<Load.Result> results) throws IOException {
		System.setProperty("java.awt.headless", "true");
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, WIDTH, HEIGHT);
		for (int panel = 0; panel < PANELS.length; panel++) {
			int x = (panel % 2) * WIDTH / 2;
			int y = (panel / 2) * HEIGHT / 2;
			draw(g, PANELS[panel], loadsOf(PANELS[panel], results), x, y, WIDTH / 2, HEIGHT / 2);
		}
		g.dispose();
		ImageIO.write(image, "png", file.toFile());
	}

	/** The loads a panel shows: its scenario's. */
	private static List<Load.Result> loadsOf(String panel, List<Load.Result> results) {
		List<Load.Result> shown = new ArrayList<>();
		for (Load.Result result : results) {
			if (result.operations() == 0) {
				continue;
			}
			if (result.scenario().equals(panel)) {
				shown.add(result);
			}
		}
		return shown;
	}

	private static void draw(Graphics2D g, String title, List<Load.Result> loads, int left, int top, int width,
			int height) {
		int plotLeft = left + 80;
		int plotTop = top + 50;
		int plotWidth = width - 110;
		int plotHeight = height - 190;
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
		g.drawString(title + ": latency by percentile", left + 20, top + 30);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		if (loads.isEmpty()) {
			g.drawString("not measured in this run", plotLeft + 20, plotTop + 40);
			return;
		}
		double lowest = Double.MAX_VALUE;
		double highest = 0;
		for (Load.Result load : loads) {
			lowest = Math.min(lowest, Math.max(0.01, load.latency().getMinValue() / 1000.0));
			highest = Math.max(highest, load.latency().getValueAtPercentile(99.99) / 1000.0);
		}
		double yMin = Math.floor(Math.log10(lowest));
		double yMax = Math.max(yMin + 1, Math.ceil(Math.log10(highest)));

		// Grid and axes.
		Stroke plain = g.getStroke();
		g.setColor(new Color(0xdddddd));
		for (double decade = yMin; decade <= yMax; decade++) {
			int y = plotTop + (int) ((yMax - decade) / (yMax - yMin) * plotHeight);
			g.drawLine(plotLeft, y, plotLeft + plotWidth, y);
		}
		for (int nines = 0; nines <= X_MAX; nines++) {
			int x = plotLeft + (int) (nines / X_MAX * plotWidth);
			g.drawLine(x, plotTop, x, plotTop + plotHeight);
		}
		g.setColor(Color.BLACK);
		g.drawRect(plotLeft, plotTop, plotWidth, plotHeight);
		for (double decade = yMin; decade <= yMax; decade++) {
			int y = plotTop + (int) ((yMax - decade) / (yMax - yMin) * plotHeight);
			String label = Report.number(Math.pow(10, decade));
			g.drawString(label, plotLeft - 8 - g.getFontMetrics().stringWidth(label), y + 4);
		}
		String[] percentiles = { "0%", "90%", "99%", "99.9%", "99.99%" };
		for (int nines = 0; nines <= X_MAX; nines++) {
			int x = plotLeft + (int) (nines / X_MAX * plotWidth);
			g.drawString(percentiles[nines], x - g.getFontMetrics().stringWidth(percentiles[nines]) / 2,
					plotTop + plotHeight + 18);
		}
		g.drawString("percentile", plotLeft + plotWidth / 2 - 25, plotTop + plotHeight + 36);
		Graphics2D rotated = (Graphics2D) g.create();
		rotated.rotate(-Math.PI / 2);
		rotated.drawString("latency (ms, log scale)", -(plotTop + plotHeight / 2 + 60), left + 18);
		rotated.dispose();

		// One line per load.
		List<Integer> levels = loads.stream().map(Load.Result::concurrency).distinct().sorted().toList();
		int legendY = plotTop + plotHeight + 60;
		int legendX = plotLeft;
		List<String> baselines = new ArrayList<>();
		for (Load.Result load : loads) {
			// Solid: GuestPass; dashed: its baseline (for growth, the few-links
			// admissions).
			boolean guestpass = title.equals("Growth")
					? !load.target().equals(Benchmark.linksTarget(Settings.FEW_LINKS))
					: load.target().equals("GuestPass");
			Color colour = COLOURS[levels.indexOf(load.concurrency()) % COLOURS.length];
			g.setColor(colour);
			g.setStroke(guestpass ? new BasicStroke(2f) : new BasicStroke(2f, BasicStroke.CAP_BUTT,
					BasicStroke.JOIN_MITER, 10f, new float[] { 7f, 5f }, 0f));
			Path2D line = new Path2D.Double();
			for (int step = 0; step <= 80; step++) {
				double xValue = step * X_MAX / 80;
				double percentile = 100 * (1 - Math.pow(10, -xValue));
				double millis = Math.max(Math.pow(10, yMin), load.latency().getValueAtPercentile(percentile) / 1000.0);
				double px = plotLeft + xValue / X_MAX * plotWidth;
				double py = plotTop + (yMax - Math.log10(millis)) / (yMax - yMin) * plotHeight;
				if (step == 0) {
					line.moveTo(px, py);
				}
				else {
					line.lineTo(px, py);
				}
			}
			g.draw(line);
			if (!guestpass && !baselines.contains(load.target())) {
				baselines.add(load.target());
			}
		}
		g.setStroke(plain);
		// Legend: colours, then what solid and dashed mean.
		for (int level : levels) {
			g.setColor(COLOURS[levels.indexOf(level) % COLOURS.length]);
			g.fillRect(legendX, legendY - 9, 18, 10);
			g.setColor(Color.BLACK);
			String label = level + ((level == 1) ? " client" : " clients");
			g.drawString(label, legendX + 24, legendY);
			legendX += 40 + g.getFontMetrics().stringWidth(label);
		}
		String solid = title.equals("Growth") ? "solid: many links" : "solid: GuestPass";
		String dashed;
		if (title.equals("Growth")) {
			dashed = "dashed: " + String.format("%,d", Settings.FEW_LINKS) + " links";
		}
		else {
			dashed = baselines.isEmpty() ? "(no baseline measured)" : "dashed: " + String.join(", ", baselines);
		}
		g.drawString(solid + "   " + dashed, plotLeft, legendY + 22);
	}

}
