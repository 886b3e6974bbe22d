package org.alliancechain.cli.chaos;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.alliancechain.cli.local.FreePorts;
import org.alliancechain.cli.local.LocalAlliance;
import org.alliancechain.cli.local.TempFolders;
import org.alliancechain.cli.node.FatalErrors;
import org.alliancechain.cli.node.TestSwitches;
import org.alliancechain.config.AllianceSpec;
import org.alliancechain.config.Bootstrap;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.MemberSpec;
import org.alliancechain.config.SpecParser;
import org.alliancechain.core.Hex;
import org.alliancechain.core.crypto.KeyFile;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxCodec;

/**
 * One chaos run (issue 9): an alliance of real node processes on loopback behind fault-injecting
 * proxies, a steady load, faults from the seeded schedule one at a time, each healed and followed
 * by a wait for every node to catch up; then the load stops, the nodes converge, and every node's
 * chain is checked ({@link ChainChecks}). Leaves nothing behind unless asked to keep the folder or
 * the run failed.
 */
final class ChaosRun {
  static final KeyFile.ScryptParameters CHAOS_SCRYPT =
      new KeyFile.ScryptParameters(KeyFile.SCRYPT_LOG2_N_MIN, 8, 1);
  static final String PASSPHRASE = "chaos-only-passphrase";
  static final long FUNDING_MINOR_UNITS = 1_000_000_000_000L;
  static final Duration READY_MAX = Duration.ofMinutes(2);
  static final Duration FUNDING_MAX = Duration.ofSeconds(90);

  /**
   * How long a node with a planted crash point may take to reach it. Under the full suite on two
   * cores a restarted validator has twice not voted within this (session 8 with one minute, session
   * 9 with three, while the chain grew by about 1,500 blocks); alone it votes within seconds. Not a
   * matter of time, so one minute; a failing run keeps its folder for the logs.
   */
  static final Duration EXIT_MAX = Duration.ofMinutes(1);

  static final Duration RECOVERY_MAX = Duration.ofSeconds(90);
  static final Duration CONVERGENCE_MAX = Duration.ofMinutes(2);
  static final Duration POLL = Duration.ofMillis(200);
  static final Duration GAP_BETWEEN_FAULTS = Duration.ofMillis(500);

  /** What to run. */
  record Options(
      int validators,
      int durationSeconds,
      long seed,
      int crashSweep,
      long txPerSecond,
      int window,
      boolean keep,
      java.util.Set<FaultSchedule.Kind> kinds) {}

  private final Options options;
  private final PrintWriter progress;
  private final LinkRules rules = new LinkRules();
  private final ChainWatcher watcher = new ChainWatcher();
  private final Set<String> frozen = ConcurrentHashMap.newKeySet();
  private final Map<String, FaultProxy> proxies = new TreeMap<>();
  private final Map<FaultSchedule.Kind, Integer> faults = new EnumMap<>(FaultSchedule.Kind.class);
  private final Map<String, List<String>> baseOptions = new TreeMap<>();
  private LocalAlliance alliance;
  private SourceResolver resolver;
  private List<String> members = List.of();
  private long longestRecovery;
  private String longestRecoveryFault = "none";
  private volatile boolean watching = true;

  ChaosRun(Options options, PrintWriter progress) {
    this.options = options;
    this.progress = progress;
  }

  ChaosReport run() throws IOException, InterruptedException, ConfigException {
    Path dir = Files.createTempDirectory("alliance-chaos-");
    say("seed " + options.seed() + " (replay with --seed " + options.seed() + "), folder " + dir);
    ChaosReport report = null;
    try {
      report = runIn(dir);
      return report;
    } finally {
      proxies.values().forEach(FaultProxy::close);
      watcher.close();
      // A run that found a problem keeps its folder: the nodes' logs are the only way to tell why.
      boolean failed = report != null && !report.passed();
      if (failed && !options.keep()) {
        say("the run failed: keeping " + dir + " for the nodes' logs");
      }
      if (!options.keep() && !failed) {
        TempFolders.deleteTree(dir);
      }
    }
  }

  private ChaosReport runIn(Path dir) throws IOException, InterruptedException, ConfigException {
    long started = System.nanoTime();
    AllianceSpec spec =
        LocalAlliance.withFreePorts(
            SpecParser.parse("chaos.yaml", ChaosSpec.yaml(options.validators())));
    Map<Path, KeyPair> keys = new ConcurrentHashMap<>();
    SecureRandom random = new SecureRandom();
    Path out = dir.resolve("alliance");
    Bootstrap.Result boot =
        Bootstrap.run(
            spec,
            out,
            false,
            random,
            System.currentTimeMillis(),
            (file, key) -> {
              keys.put(file.toAbsolutePath(), key);
              KeyFile.save(file, key, PASSPHRASE.toCharArray(), CHAOS_SCRYPT, random);
            },
            Optional.empty());
    members = new ArrayList<>(boot.nodeConfigs().keySet());
    List<KeyPair> memberKeys = new ArrayList<>();
    for (String m : members) {
      memberKeys.add(keys.get(out.resolve(m).resolve(Bootstrap.KEY_FILE).toAbsolutePath()));
    }
    KeyPair gateway =
        keys.get(
            out.resolve(ChaosSpec.GATEWAY).resolve(Bootstrap.GATEWAY_KEY_FILE).toAbsolutePath());
    try (LocalAlliance nodes = new LocalAlliance(out, spec, boot.nodeConfigs(), PASSPHRASE)) {
      alliance = nodes;
      startProxies(spec, boot.nodeConfigs());
      say("starting " + members.size() + " validators behind fault-injecting proxies ...");
      nodes.startAll();
      nodes.awaitAllReady(READY_MAX);
      Thread poller = Thread.ofPlatform().daemon().name("chaos-watch").start(this::watchLoop);
      fund(memberKeys, gateway);
      try (ChaosLoad load =
          new ChaosLoad(
              ChaosSpec.CHAIN_ID,
              memberKeys,
              this::liveApis,
              members.stream().map(alliance::api).toList(),
              options.window(),
              options.txPerSecond(),
              watcher.committed())) {
        load.start(options.seed());
        FaultSchedule schedule =
            new FaultSchedule(options.seed(), members, options.crashSweep(), options.kinds());
        int done = 0;
        while (done < schedule.sweepSize()) {
          inject(schedule.next(), ++done);
          Thread.sleep(GAP_BETWEEN_FAULTS);
        }
        // The random faults' duration counts from the end of the sweep.
        long faultsEnd =
            System.nanoTime() + Duration.ofSeconds(options.durationSeconds()).toNanos();
        while (System.nanoTime() < faultsEnd) {
          inject(schedule.next(), ++done);
          Thread.sleep(GAP_BETWEEN_FAULTS);
        }
        long converge = convergeAfterFaults(load);
        watching = false;
        poller.join(5_000);
        return finish(started, load, converge);
      }
    }
  }

  // ---- set-up

  /**
   * The genesis lists each proxy's port as the member's peer address; each node.yaml is rewritten
   * to listen on another free port, the proxy's target.
   */
  private void startProxies(AllianceSpec spec, Map<String, Path> nodeConfigs) throws IOException {
    Set<Integer> proxyPorts = new java.util.TreeSet<>();
    Set<Integer> taken = new java.util.TreeSet<>();
    spec.members().forEach(m -> proxyPorts.add(m.peerPort()));
    spec.members().forEach(m -> taken.addAll(List.of(m.peerPort(), m.apiPort())));
    // FreePorts closes what it finds, so a second pick may return a port the spec already uses.
    List<Integer> real = new ArrayList<>();
    while (real.size() < spec.members().size()) {
      for (int port : FreePorts.pick(spec.members().size())) {
        if (real.size() < spec.members().size() && taken.add(port)) {
          real.add(port);
        }
      }
    }
    resolver = new SourceResolver(this::pids, proxyPorts);
    for (int i = 0; i < spec.members().size(); i++) {
      MemberSpec m = spec.members().get(i);
      Path yaml = nodeConfigs.get(m.name());
      String text = Files.readString(yaml);
      String listen = "peer-listen: " + m.host() + ":" + m.peerPort();
      if (!text.contains(listen)) {
        throw new IOException(yaml + " has no line '" + listen + "'");
      }
      Files.writeString(yaml, text.replace(listen, "peer-listen: " + m.host() + ":" + real.get(i)));
      proxies.put(
          m.name(),
          new FaultProxy(
              m.name(), m.peerPort(), real.get(i), rules, resolver::memberOf, options.seed() + i));
      Path nodeDir = yaml.getParent();
      List<String> jvm =
          List.of(
              "-D" + TestSwitches.DEV_FLAG + "=true",
              "-D" + TestSwitches.SIGNED_LOG + "=" + nodeDir.resolve("signed-votes.log"),
              "-D" + TestSwitches.DISK_FAULT_FILE + "=" + diskFaultFile(nodeDir));
      baseOptions.put(m.name(), jvm);
      alliance.jvmOptions(m.name(), jvm);
    }
  }

  private static Path diskFaultFile(Path nodeDir) {
    return nodeDir.resolve("disk-fault");
  }

  private Map<String, OptionalLong> pids() {
    Map<String, OptionalLong> out = new TreeMap<>();
    for (String m : members) {
      out.put(m, alliance.isRunning(m) ? alliance.pid(m) : OptionalLong.empty());
    }
    return out;
  }

  private List<URI> liveApis() {
    List<URI> out = new ArrayList<>();
    for (String m : members) {
      if (alliance.isRunning(m) && !frozen.contains(m)) {
        out.add(alliance.api(m));
      }
    }
    return out;
  }

  private void fund(List<KeyPair> memberKeys, KeyPair gateway)
      throws IOException, InterruptedException {
    say("funding " + memberKeys.size() + " member accounts through the gateway ...");
    List<String> hashes = new ArrayList<>();
    try (HttpClient http = HttpClient.newHttpClient()) {
      for (int i = 0; i < memberKeys.size(); i++) {
        TokenTx deposit = new TokenTx.Deposit(memberKeys.get(i).publicKey(), FUNDING_MINOR_UNITS);
        Transaction tx =
            Transaction.sign(
                gateway, ChaosSpec.CHAIN_ID, i, deposit.kind().code(), TxCodec.encode(deposit));
        hashes.add(tx.hash().toHex());
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(alliance.api(members.get(0)).resolve("/tx"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"tx\":\"" + Hex.encode(tx.encode()) + "\"}", StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
          throw new IOException("a funding deposit was refused: " + response.body());
        }
      }
    }
    long deadline = System.nanoTime() + FUNDING_MAX.toNanos();
    while (!watcher.committed().containsAll(hashes)) {
      if (System.nanoTime() > deadline) {
        throw new IOException("funding deposits not committed within " + FUNDING_MAX);
      }
      Thread.sleep(POLL);
    }
  }

  // ---- watching

  private void watchLoop() {
    while (watching) {
      pollHeads();
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Each live node's head (noted), and new blocks fetched from the highest one. */
  private synchronized Map<String, ChainWatcher.Head> pollHeads() {
    Map<String, ChainWatcher.Head> heads = new TreeMap<>();
    for (String m : members) {
      if (alliance.isRunning(m) && !frozen.contains(m)) {
        watcher.head(alliance.api(m)).ifPresent(h -> heads.put(m, h));
      }
    }
    heads.forEach(watcher::noteHead);
    heads.entrySet().stream()
        .max(Comparator.comparingLong(e -> e.getValue().height()))
        .ifPresent(
            e -> watcher.fetchUpTo(e.getKey(), alliance.api(e.getKey()), e.getValue().height()));
    return heads;
  }

  private long highestHead() {
    return pollHeads().values().stream().mapToLong(ChainWatcher.Head::height).max().orElse(0);
  }

  /**
   * Waits until every node is up and at or above {@code target}; the elapsed milliseconds, or -1
   * (and a problem) after RECOVERY_MAX.
   */
  private long awaitAllAt(long target, Duration max, String what) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + max.toNanos();
    while (System.nanoTime() < deadline) {
      Map<String, ChainWatcher.Head> heads = pollHeads();
      boolean all = heads.size() == members.size();
      for (ChainWatcher.Head h : heads.values()) {
        all &= h.height() >= target;
      }
      if (all) {
        return (System.nanoTime() - start) / 1_000_000;
      }
      Thread.sleep(POLL);
    }
    watcher.problem(
        "no recovery within " + max.toSeconds() + " s after " + what + ": heads " + pollHeads());
    return -1;
  }

  // ---- faults

  private void inject(FaultSchedule.Fault planned, int number)
      throws IOException, InterruptedException {
    FaultSchedule.Fault fault = resolvePrimary(planned);
    say("fault " + number + ": " + fault.describe());
    faults.merge(fault.kind(), 1, Integer::sum);
    String v = fault.victim();
    switch (fault.kind()) {
      case KILL -> {
        alliance.kill(v);
        Thread.sleep(fault.holdMillis());
        restart(v);
      }
      case PAUSE -> {
        frozen.add(v);
        alliance.signal(v, "STOP");
        Thread.sleep(fault.holdMillis());
        alliance.signal(v, "CONT");
        frozen.remove(v);
      }
      case DELAY -> holdLinks(fault, new LinkRules.Rule.Delay(fault.parameter()), true);
      case DROP -> holdLinks(fault, new LinkRules.Rule.Drop((int) fault.parameter()), true);
      case CUT -> holdLinks(fault, new LinkRules.Rule.Cut(), true);
      case ONE_WAY_CUT -> holdLinks(fault, new LinkRules.Rule.Blackhole(), false);
      case ISOLATE -> partition(List.of(v), fault.holdMillis());
      case SPLIT -> partition(List.of(v.split(",", -1)), fault.holdMillis());
      case CRASH_AT -> crashAt(fault);
      case DISK_FULL -> diskFull(fault);
    }
    // Recovery: every node back, caught up with the highest head at the heal, and one block more
    // (progress resumed under the load).
    long target = highestHead() + 1;
    long took = awaitAllAt(target, RECOVERY_MAX, fault.describe());
    if (took > longestRecovery) {
      longestRecovery = took;
      longestRecoveryFault = "fault " + number + ": " + fault.describe();
    }
    checkAllRunning();
  }

  private FaultSchedule.Fault resolvePrimary(FaultSchedule.Fault f) {
    if (!f.victim().equals(FaultSchedule.PRIMARY)) {
      return f;
    }
    String primary = members.get(0);
    for (URI api : liveApis()) {
      Optional<String> p = watcher.primary(api);
      if (p.isPresent() && members.contains(p.get())) {
        primary = p.get();
        break;
      }
    }
    return new FaultSchedule.Fault(
        f.kind(), primary, f.peer(), f.holdMillis(), f.parameter(), f.crashKind());
  }

  private void holdLinks(FaultSchedule.Fault f, LinkRules.Rule rule, boolean bothWays)
      throws InterruptedException {
    rules.set(f.victim(), f.peer(), rule);
    if (bothWays) {
      rules.set(f.peer(), f.victim(), rule);
    }
    if (rule instanceof LinkRules.Rule.Cut) {
      closeLinks(f.victim(), f.peer());
    }
    Thread.sleep(f.holdMillis());
    rules.set(f.victim(), f.peer(), LinkRules.PASS);
    rules.set(f.peer(), f.victim(), LinkRules.PASS);
    if (!(rule instanceof LinkRules.Rule.Delay)) {
      closeLinks(f.victim(), f.peer()); // a stream that lost bytes is broken: start afresh
    }
  }

  private void partition(List<String> side, long holdMillis) throws InterruptedException {
    List<String[]> cut = new ArrayList<>();
    for (String a : side) {
      for (String b : members) {
        if (!side.contains(b)) {
          cut.add(new String[] {a, b});
        }
      }
    }
    for (String[] p : cut) {
      rules.set(p[0], p[1], new LinkRules.Rule.Cut());
      rules.set(p[1], p[0], new LinkRules.Rule.Cut());
      closeLinks(p[0], p[1]);
    }
    Thread.sleep(holdMillis);
    rules.clear();
  }

  private void closeLinks(String a, String b) {
    proxies.values().forEach(p -> p.closeLinks(a, b));
  }

  private void crashAt(FaultSchedule.Fault f) throws IOException, InterruptedException {
    String v = f.victim();
    alliance.kill(v);
    List<String> jvm = new ArrayList<>(baseOptions.get(v));
    jvm.add("-D" + TestSwitches.CRASH_AT + "=" + f.crashKind().label() + ":" + f.parameter());
    alliance.jvmOptions(v, jvm);
    alliance.start(v);
    OptionalInt exit = alliance.awaitExit(v, EXIT_MAX);
    alliance.jvmOptions(v, baseOptions.get(v));
    if (exit.isEmpty()) {
      watcher.problem(v + " did not reach its crash point " + f.describe() + " within " + EXIT_MAX);
      alliance.kill(v);
    } else if (exit.getAsInt() != TestSwitches.CRASH_EXIT_CODE) {
      watcher.problem(v + " exited with " + exit.getAsInt() + " instead of at its crash point");
    }
    restart(v);
  }

  private void diskFull(FaultSchedule.Fault f) throws IOException, InterruptedException {
    String v = f.victim();
    Path flag = diskFaultFile(alliance.nodeDir(v));
    Files.writeString(flag, "injected disk fault\n");
    OptionalInt exit = alliance.awaitExit(v, EXIT_MAX);
    if (exit.isEmpty()) {
      watcher.problem(v + " kept running on a full disk for " + EXIT_MAX);
      alliance.kill(v);
    } else if (exit.getAsInt() != FatalErrors.STORE_FAILURE_EXIT_CODE) {
      watcher.problem(
          v
              + " stopped with exit "
              + exit.getAsInt()
              + " on a full disk, not "
              + FatalErrors.STORE_FAILURE_EXIT_CODE);
    }
    Thread.sleep(f.holdMillis());
    Files.delete(flag); // the disk is fixed
    restart(v);
  }

  private void restart(String member) throws IOException, InterruptedException {
    alliance.start(member);
    try {
      alliance.awaitReady(member, READY_MAX);
    } catch (IllegalStateException e) {
      watcher.problem("restart of " + member + " failed: " + e.getMessage());
    }
  }

  private void checkAllRunning() throws IOException, InterruptedException {
    for (String m : members) {
      if (!alliance.isRunning(m)) {
        watcher.problem(
            m
                + " exited unexpectedly with "
                + alliance.exitCode(m)
                + "; see "
                + alliance.logFile(m));
        restart(m);
      }
    }
  }

  // ---- the end

  /** Stops the load once every node is up and level; milliseconds from the last heal. */
  private long convergeAfterFaults(ChaosLoad load) throws InterruptedException {
    rules.clear();
    say("faults over: waiting for every node to reach the same head ...");
    long took = awaitAllAt(highestHead() + 1, CONVERGENCE_MAX, "the last fault");
    load.stop();
    // Without load no new blocks come: wait for the heads to be equal.
    long deadline = System.nanoTime() + CONVERGENCE_MAX.toNanos();
    while (System.nanoTime() < deadline) {
      Map<String, ChainWatcher.Head> heads = pollHeads();
      if (heads.size() == members.size()
          && heads.values().stream().map(ChainWatcher.Head::hash).distinct().count() == 1) {
        Thread.sleep(Duration.ofSeconds(2)); // a quiet spell: no block in flight anymore
        Map<String, ChainWatcher.Head> again = pollHeads();
        if (again.equals(heads)) {
          return took;
        }
      }
      Thread.sleep(POLL);
    }
    watcher.problem("the nodes did not settle on one head: " + pollHeads());
    return took;
  }

  private ChaosReport finish(long started, ChaosLoad load, long converge) throws IOException {
    say("checking every node's chain ...");
    Map<String, List<ChainWatcher.BlockSeen>> chains = new LinkedHashMap<>();
    Map<String, ChainWatcher.Head> heads = pollHeads();
    for (String m : members) {
      ChainWatcher.Head head = heads.get(m);
      List<ChainWatcher.BlockSeen> chain = new ArrayList<>();
      long height = head == null ? 0 : head.height();
      for (long h = 1; h <= height; h++) {
        Optional<ChainWatcher.BlockSeen> b = watcher.block(alliance.api(m), h);
        if (b.isEmpty()) {
          watcher.problem(m + " did not serve block " + h + " below its head " + height);
          break;
        }
        chain.add(b.get());
      }
      chains.put(m, chain);
    }
    List<String> signed = new ArrayList<>();
    for (String m : members) {
      Path log = alliance.nodeDir(m).resolve("signed-votes.log");
      if (Files.exists(log)) {
        signed.addAll(Files.readAllLines(log));
      }
    }
    Map<String, Long> acknowledgedTxs = watcher.txHeights();
    ChainChecks.Findings findings =
        ChainChecks.check(chains, heads, watcher.blockHashes(), acknowledgedTxs, signed);
    List<String> problems = new ArrayList<>(watcher.problems());
    findings.divergences().forEach(d -> problems.add("divergence: " + d));
    findings.lost().forEach(d -> problems.add("lost: " + d));
    findings.conflicts().forEach(d -> problems.add("conflicting signature: " + d));
    Map<String, Integer> byKind = new LinkedHashMap<>();
    faults.forEach((k, n) -> byKind.put(k.label(), n));
    return new ChaosReport(
        options.seed(),
        members.size(),
        options.durationSeconds(),
        (System.nanoTime() - started) / 1_000_000_000,
        byKind,
        faults.values().stream().mapToInt(Integer::intValue).sum(),
        load.submitted(),
        load.resent(),
        acknowledgedTxs.size(),
        heads.values().stream().mapToLong(ChainWatcher.Head::height).max().orElse(0),
        findings.lost().size(),
        findings.divergences().size(),
        findings.conflicts().size(),
        signed.size(),
        longestRecovery,
        longestRecoveryFault,
        converge,
        resolver.unattributed(),
        load.refusals(),
        problems);
  }

  private void say(String line) {
    progress.println("chaos: " + line);
    progress.flush();
  }
}
