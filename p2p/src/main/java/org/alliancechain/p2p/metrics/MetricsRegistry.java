package org.alliancechain.p2p.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * A small metrics registry rendered in the Prometheus text exposition format (version 0.0.4):
 * counters, gauges read on scrape, and histograms with fixed integer bucket bounds. Values are
 * integers, so names carry their unit ({@code _microseconds}, {@code _bytes}). Output is sorted by
 * name and labels, so two scrapes of the same state are byte-identical.
 */
public final class MetricsRegistry {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /** A monotonically increasing count. */
  public static final class Counter {
    private final LongAdder value = new LongAdder();

    public void increment() {
      value.increment();
    }

    public void add(long amount) {
      if (amount < 0) {
        throw new IllegalArgumentException("a counter only goes up");
      }
      value.add(amount);
    }

    public long value() {
      return value.sum();
    }
  }

  /** Counts of observations at or below each bound, plus their sum. */
  public static final class Histogram {
    private final long[] bounds;
    private final AtomicLongArray counts;
    private final LongAdder sum = new LongAdder();
    private final LongAdder count = new LongAdder();

    Histogram(long[] bounds) {
      for (int i = 1; i < bounds.length; i++) {
        if (bounds[i] <= bounds[i - 1]) {
          throw new IllegalArgumentException("bucket bounds must increase");
        }
      }
      this.bounds = bounds.clone();
      this.counts = new AtomicLongArray(bounds.length);
    }

    public void observe(long value) {
      for (int i = 0; i < bounds.length; i++) {
        if (value <= bounds[i]) {
          counts.incrementAndGet(i);
          break;
        }
      }
      sum.add(value);
      count.increment();
    }

    public long count() {
      return count.sum();
    }
  }

  private sealed interface Metric permits CounterMetric, GaugeMetric, HistogramMetric {}

  private record CounterMetric(Counter counter) implements Metric {}

  private record GaugeMetric(LongSupplier supplier) implements Metric {}

  private record HistogramMetric(Histogram histogram) implements Metric {}

  private record Family(String type, String help, TreeMap<String, Metric> byLabels) {}

  private final TreeMap<String, Family> families = new TreeMap<>();

  public synchronized Counter counter(String name, String help, String... labels) {
    Metric m = register(name, "counter", help, labels, () -> new CounterMetric(new Counter()));
    return ((CounterMetric) m).counter();
  }

  /** A counter whose value something else keeps (read on scrape); it must never go down. */
  public synchronized void counterFrom(
      String name, String help, LongSupplier supplier, String... labels) {
    register(name, "counter", help, labels, () -> new GaugeMetric(supplier));
  }

  public synchronized void gauge(
      String name, String help, LongSupplier supplier, String... labels) {
    register(name, "gauge", help, labels, () -> new GaugeMetric(supplier));
  }

  public synchronized Histogram histogram(
      String name, String help, long[] bucketBounds, String... labels) {
    Metric m =
        register(
            name,
            "histogram",
            help,
            labels,
            () -> new HistogramMetric(new Histogram(bucketBounds)));
    return ((HistogramMetric) m).histogram();
  }

  private Metric register(
      String name,
      String type,
      String help,
      String[] labels,
      java.util.function.Supplier<Metric> create) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad metric name " + name);
    }
    Family family = families.computeIfAbsent(name, n -> new Family(type, help, new TreeMap<>()));
    if (!family.type().equals(type)) {
      throw new IllegalArgumentException(name + " is already a " + family.type());
    }
    return family.byLabels().computeIfAbsent(labelText(labels), k -> create.get());
  }

  /** {@code a="x",b="y"} from name/value pairs, escaped as the format requires. */
  private static String labelText(String[] labels) {
    if (labels.length % 2 != 0) {
      throw new IllegalArgumentException("labels come in name, value pairs");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < labels.length; i += 2) {
      if (!LABEL.matcher(labels[i]).matches()) {
        throw new IllegalArgumentException("bad label name " + labels[i]);
      }
      if (i > 0) {
        sb.append(',');
      }
      sb.append(labels[i]).append("=\"").append(escapeLabel(labels[i + 1])).append('"');
    }
    return sb.toString();
  }

  private static String escapeLabel(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }

  /** The whole registry in the Prometheus text format. */
  public synchronized String render() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Family> f : families.entrySet()) {
      String name = f.getKey();
      out.append("# HELP ").append(name).append(' ').append(escapeHelp(f.getValue().help()));
      out.append("\n# TYPE ").append(name).append(' ').append(f.getValue().type()).append('\n');
      for (Map.Entry<String, Metric> m : f.getValue().byLabels().entrySet()) {
        String labels = m.getKey();
        switch (m.getValue()) {
          case CounterMetric c -> sample(out, name, labels, c.counter().value());
          case GaugeMetric g -> sample(out, name, labels, g.supplier().getAsLong());
          case HistogramMetric h -> renderHistogram(out, name, labels, h.histogram());
        }
      }
    }
    return out.toString();
  }

  private static void renderHistogram(StringBuilder out, String name, String labels, Histogram h) {
    long cumulative = 0;
    String sep = labels.isEmpty() ? "" : labels + ",";
    for (int i = 0; i < h.bounds.length; i++) {
      cumulative += h.counts.get(i);
      sample(out, name + "_bucket", sep + "le=\"" + h.bounds[i] + "\"", cumulative);
    }
    sample(out, name + "_bucket", sep + "le=\"+Inf\"", h.count.sum());
    sample(out, name + "_sum", labels, h.sum.sum());
    sample(out, name + "_count", labels, h.count.sum());
  }

  private static void sample(StringBuilder out, String name, String labels, long value) {
    out.append(name);
    if (!labels.isEmpty()) {
      out.append('{').append(labels).append('}');
    }
    out.append(' ').append(value).append('\n');
  }
}
