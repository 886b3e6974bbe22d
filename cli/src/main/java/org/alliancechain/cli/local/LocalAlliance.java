package org.alliancechain.cli.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.config.AllianceSpec;
import org.alliancechain.config.MemberSpec;

/**
 * An alliance of real node processes on this machine's loopback: used by the demo, the benchmark,
 * the chaos harness and the end-to-end tests. Every process it starts is stopped by {@link
 * #close()} and, should the JVM be interrupted (Ctrl-C), by a shutdown hook.
 */
public final class LocalAlliance implements AutoCloseable {
  /** Which command line starts a node process; tests and the jar use the running JVM's. */
  public static final String PASSPHRASE_ENV = "ALLIANCE_PASSPHRASE";

  private final Path dir;
  private final String passphrase;
  private final Map<String, Path> nodeConfigs;
  private final Map<String, URI> apis = new TreeMap<>();
  private final Map<String, Process> processes = new TreeMap<>();
  static final String NODE_JVM_PROPERTY = "alliance.node.jvm";
  private final Map<String, List<String>> jvmOptions = new TreeMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Thread shutdownHook;

  public LocalAlliance(
      Path dir, AllianceSpec spec, Map<String, Path> nodeConfigs, String passphrase) {
    this.dir = dir;
    this.passphrase = passphrase;
    this.nodeConfigs = new TreeMap<>(nodeConfigs);
    for (MemberSpec m : spec.members()) {
      apis.put(m.name(), URI.create("http://" + m.host() + ":" + m.apiPort()));
    }
    this.shutdownHook = new Thread(this::destroyAll, "local-alliance-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** The spec with every member's ports replaced by free loopback ports. */
  public static AllianceSpec withFreePorts(AllianceSpec spec) throws IOException {
    List<Integer> ports = FreePorts.pick(2 * spec.members().size());
    List<MemberSpec> members = new ArrayList<>();
    for (int i = 0; i < spec.members().size(); i++) {
      MemberSpec m = spec.members().get(i);
      members.add(
          new MemberSpec(
              m.name(),
              m.roles(),
              "127.0.0.1",
              ports.get(2 * i),
              ports.get(2 * i + 1),
              m.profile(),
              m.smallAlliance()));
    }
    return new AllianceSpec(
        spec.name(),
        spec.chainId(),
        spec.mode(),
        members,
        spec.gateway(),
        spec.committee(),
        spec.parameters());
  }

  public List<String> members() {
    return List.copyOf(nodeConfigs.keySet());
  }

  public URI api(String member) {
    return apis.get(member);
  }

  public Path nodeDir(String member) {
    return nodeConfigs.get(member).getParent();
  }

  public Path logFile(String member) {
    return nodeDir(member).resolve("node.log");
  }

  /**
   * The node JVM's heap and collector, unless the system property {@value #NODE_JVM_PROPERTY} gives
   * others (space-separated, for measuring alternatives). Serial GC: several nodes share two cores
   * here, and a parallel or concurrent collector's threads would only compete with the other nodes.
   * A 1 GiB ceiling: at 512 MiB a node holding blocks of hundreds of transactions in flight ran
   * into full collections of seconds on a starved machine (docs/benchmarks.md, step 8). Young
   * sizing is the JVM's own; memory is reserved, not pre-touched.
   */
  static List<String> nodeJvmOptions() {
    String override = System.getProperty(NODE_JVM_PROPERTY, "").strip();
    if (!override.isEmpty()) {
      return List.of(override.split("\\s+", -1));
    }
    return List.of("-XX:+UseSerialGC", "-Xmx1g");
  }

  /** Starts the member's node as a child process of this JVM, logging to its folder's node.log. */
  public synchronized void start(String member) throws IOException {
    Process running = processes.get(member);
    if (running != null && running.isAlive()) {
      throw new IllegalStateException(member + " is already running");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(nodeJvmOptions());
    command.addAll(jvmOptions.getOrDefault(member, List.of()));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.alliancechain.cli.Main");
    command.addAll(List.of("node", "start", "--config", nodeConfigs.get(member).toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put(PASSPHRASE_ENV, passphrase);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(member).toFile()));
    processes.put(member, builder.start());
  }

  /**
   * Adds a member that joined after bootstrap (alliance member join), to be started like others.
   */
  public synchronized void addNode(String member, Path nodeConfig, URI api) {
    nodeConfigs.put(member, nodeConfig);
    apis.put(member, api);
  }

  /** Extra JVM options for a member's next start (the benchmark's flight recording). */
  public synchronized void jvmOptions(String member, List<String> options) {
    jvmOptions.put(member, List.copyOf(options));
  }

  /** The process id of a member's node (the benchmark reads its CPU time and memory). */
  public synchronized java.util.OptionalLong pid(String member) {
    Process p = processes.get(member);
    return p == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(p.pid());
  }

  public void startAll() throws IOException {
    for (String member : members()) {
      start(member);
    }
  }

  /** SIGKILL: the node gets no chance to flush anything. */
  public synchronized void kill(String member) throws InterruptedException {
    Process p = processes.get(member);
    if (p != null) {
      p.destroyForcibly().waitFor();
    }
  }

  /** SIGTERM, then waits for a clean exit; returns the exit code. */
  public synchronized int stop(String member, Duration timeout) throws InterruptedException {
    Process p = processes.get(member);
    if (p == null) {
      return 0;
    }
    p.destroy();
    if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      p.destroyForcibly().waitFor();
      throw new IllegalStateException(member + " did not stop within " + timeout);
    }
    return p.exitValue();
  }

  /** SIGSTOP or SIGCONT: a frozen node, the hardest to tell from a slow one. */
  public synchronized void signal(String member, String signal)
      throws IOException, InterruptedException {
    Process p = processes.get(member);
    if (p == null || !p.isAlive()) {
      throw new IllegalStateException(member + " is not running");
    }
    int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
    if (exit != 0) {
      throw new IOException("kill -" + signal + " failed for " + member);
    }
  }

  /** The exit code of a member's node process, once it has exited (empty while it runs). */
  public synchronized java.util.OptionalInt exitCode(String member) {
    Process p = processes.get(member);
    return p == null || p.isAlive()
        ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(p.exitValue());
  }

  /** Waits for a member's node to exit by itself; its exit code, or empty after the timeout. */
  public java.util.OptionalInt awaitExit(String member, Duration timeout)
      throws InterruptedException {
    Process p;
    synchronized (this) {
      p = processes.get(member);
    }
    if (p == null || !p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      return java.util.OptionalInt.empty();
    }
    return java.util.OptionalInt.of(p.exitValue());
  }

  public synchronized boolean isRunning(String member) {
    Process p = processes.get(member);
    return p != null && p.isAlive();
  }

  /** GET {@code path} on a member's API; empty when the node does not answer. */
  public java.util.Optional<HttpResponse<String>> get(String member, String path) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(api(member).resolve(path)).timeout(Duration.ofSeconds(3)).build();
      return java.util.Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return java.util.Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.Optional.empty();
    }
  }

  /** Polls /health until the node reports ready, the process dies, or the deadline passes. */
  public void awaitReady(String member, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!isRunning(member)) {
        throw new IllegalStateException(
            member
                + " exited with "
                + processes.get(member).exitValue()
                + "; see "
                + logFile(member));
      }
      var response = get(member, "/health");
      if (response.isPresent() && response.get().statusCode() == 200) {
        return;
      }
      Thread.sleep(100); // polling interval, not a wait for an event
    }
    throw new IllegalStateException(
        member + " not ready within " + timeout + "; see " + logFile(member));
  }

  public void awaitAllReady(Duration timeout) throws InterruptedException {
    for (String member : members()) {
      awaitReady(member, timeout);
    }
  }

  public Path dir() {
    return dir;
  }

  private synchronized void destroyAll() {
    for (Process p : processes.values()) {
      p.destroy();
    }
    for (Process p : processes.values()) {
      try {
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    destroyAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run.
    }
  }

  /** Writes the passphrase to a file only readable by its owner (for operators' scripts). */
  public static void writeSecret(Path file, String secret) throws IOException {
    Files.writeString(file, secret);
    try {
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system; nothing more to do.
    }
  }
}
