package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliancechain.cli.local.LocalAlliance;
import org.alliancechain.config.AllianceSpec;
import org.alliancechain.config.Bootstrap;
import org.alliancechain.config.ExampleSpecs;
import org.alliancechain.config.SpecParser;
import org.alliancechain.core.crypto.KeyFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console (issue 10) in a real browser: Debian's headless Chromium, driven by Selenium,
 * against four node processes on loopback. The data it checks for is made here through the CLI (a
 * deposit, the cooperative sharing workflow, a DAO vote) and must show up in the pages, the live
 * parts without a reload. Screenshots of the main pages go to target/console-screenshots, and to
 * the folder named by -Dconsole.screenshots (docs/console for the README).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String PASSPHRASE = "console-browser-test";
  // The machine is shared and loaded: generous, but every wait polls and stops as soon as it holds.
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern COMMITTED =
      Pattern.compile("committed ([0-9a-f]{64}) at height (\\d+)");

  @TempDir static Path dir;
  private static LocalAlliance alliance;
  private static Path secret;
  private static WebDriver browser;
  private static final List<String> pagesShot = new ArrayList<>();
  // Height of the block that fulfilled c-1: its issuance is logged at the end of that block.
  private static long ackHeight = -1;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (.ci/run installs them)");
    secret = dir.resolve("secret");
    Files.writeString(secret, PASSPHRASE + "\n");
    alliance = startLocal(dir, ExampleSpecs.COOPERATIVE, PASSPHRASE);
    browser = chromium(dir.resolve("chromium-profile"));
  }

  /** Bootstraps an example alliance on free ports and starts its nodes as processes. */
  static LocalAlliance startLocal(Path dir, String example, String passphrase) throws Exception {
    AllianceSpec spec =
        LocalAlliance.withFreePorts(SpecParser.parse(example, ExampleSpecs.text(example)));
    SecureRandom random = new SecureRandom();
    // Cheap scrypt for tests: the key file format is tested with the real cost in node-core.
    KeyFile.ScryptParameters cheap = new KeyFile.ScryptParameters(10, 8, 1);
    Bootstrap.Result result =
        Bootstrap.run(
            spec,
            dir.resolve("out"),
            false,
            random,
            System.currentTimeMillis(),
            (file, key) -> KeyFile.save(file, key, passphrase.toCharArray(), cheap, random),
            Optional.empty());
    LocalAlliance started = new LocalAlliance(dir, spec, result.nodeConfigs(), passphrase);
    try {
      started.startAll();
      started.awaitAllReady(DEADLINE);
    } catch (Exception | AssertionError e) {
      started.close();
      throw e;
    }
    return started;
  }

  /** Debian's headless Chromium through its chromedriver, with a profile in {@code profile}. */
  static WebDriver chromium(Path profile) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + Files.createDirectories(profile),
        "--window-size=1280,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // The driver executable is given, so Selenium Manager downloads nothing.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (alliance != null) {
      alliance.close();
    }
  }

  // ---- helpers ----

  private static String console(String member, String page) {
    return alliance.api(member).resolve("/console/#/" + page).toString();
  }

  /** Loads a page afresh (a new document) and waits until its heading is there. */
  private static void open(String member, String page) {
    browser.get("about:blank");
    browser.get(console(member, page));
    waitFor(
        "page " + page + " of " + member,
        () -> !browser.findElements(By.cssSelector("main h1")).isEmpty());
  }

  /**
   * Loads the page again until {@code condition} holds: a member's node may be a block behind the
   * node that confirmed the command, and these sections are read when the page loads.
   */
  private static void openUntil(
      String member, String page, String what, java.util.function.BooleanSupplier condition) {
    waitFor(
        what,
        () -> {
          open(member, page);
          new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(200))
              .until(
                  d ->
                      js("return document.getElementById('main').getAttribute('aria-busy')")
                          == null);
          return condition.getAsBoolean();
        });
  }

  private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, DEADLINE, Duration.ofMillis(200))
        .withMessage(() -> what + " (node logs in " + dir + ")")
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> condition.getAsBoolean());
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  // Read in one script: live parts are re-rendered at every block, so an element found by one
  // WebDriver call may be gone by the next (a stale element reference).
  private static String text(String css) {
    Object t =
        js("const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", css);
    return String.valueOf(t);
  }

  private static String attr(String css, String name) {
    Object v =
        js(
            "const e = document.querySelector(arguments[0]);"
                + " return e ? e.getAttribute(arguments[1]) : null;",
            css,
            name);
    return v == null ? null : String.valueOf(v);
  }

  /** Runs a CLI command as {@code member}, through that member's node, signing if it must. */
  private static CliRun as(String member, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--profile",
            alliance.nodeDir(member).resolve("profile.yaml").toString(),
            "--node",
            alliance.api(member).toString()));
    if (!List.of("list", "show", "balance", "inbox", "status").contains(args[1])) {
      all.addAll(List.of("--passphrase-file", secret.toString()));
    }
    return CliRun.of(all.toArray(String[]::new));
  }

  private static CliRun ok(String member, String... args) {
    CliRun run = as(member, args);
    assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isZero();
    return run;
  }

  private static String birchKey() throws IOException {
    for (JsonNode m :
        JSON.readTree(alliance.get("birch", "/members").orElseThrow().body()).path("members")) {
      if (m.path("name").asText().equals("birch")) {
        return m.path("publicKey").asText();
      }
    }
    throw new AssertionError("no member birch");
  }

  /** Marks the document; a reload would lose the mark, so "still marked" means "updated live". */
  private static void mark() {
    js("window.__consoleTestMark = 'kept';");
  }

  private static boolean stillMarked() {
    return "kept".equals(js("return window.__consoleTestMark || null;"));
  }

  private static void screenshot(String name) throws IOException {
    long height = (Long) js("return document.documentElement.scrollHeight;");
    Dimension before = browser.manage().window().getSize();
    browser
        .manage()
        .window()
        .setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 4000)));
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    browser.manage().window().setSize(before);
    Path target =
        Files.createDirectories(Path.of("target", "console-screenshots")).resolve(name + ".png");
    Files.write(target, png);
    String docs = System.getProperty("console.screenshots", "");
    if (!docs.isEmpty()) {
      Files.copy(
          target,
          Files.createDirectories(Path.of(docs)).resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    pagesShot.add(name);
  }

  /** Script errors and refused loads (CSP) in the browser's console; expected 404s excluded. */
  private static List<String> browserErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      boolean expected404 = e.getMessage().contains("/report - Failed to load resource");
      if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !expected404) {
        errors.add(e.getMessage());
      }
    }
    return errors;
  }

  // ---- tests ----

  @Test
  @Order(1)
  void theAlliancePageShowsEveryMemberUpTheValidatorsAndTheHead() throws Exception {
    open("acme", "alliance");
    waitFor(
        "four members, all up",
        () ->
            browser.findElements(By.cssSelector("#members tbody tr")).size() == 4
                && browser.findElements(By.cssSelector("#members tbody tr .badge.ok")).stream()
                        .filter(b -> b.getText().equals("up"))
                        .count()
                    == 4);
    JsonNode status = JSON.readTree(alliance.get("acme", "/status").orElseThrow().body());
    assertThat(text("#primary .v")).isEqualTo(status.path("consensus").path("primary").asText());
    // The example spec makes all four members validators.
    assertThat(
            js(
                "return [...document.querySelectorAll('#members tbody tr')]"
                    + ".filter(r => r.innerText.includes('validator')).length;"))
        .isEqualTo(4L);
    assertThat(browser.findElements(By.cssSelector("#commit-rate canvas"))).isNotEmpty();
    assertThat(browserErrors()).isEmpty();
  }

  @Test
  @Order(2)
  void aTransactionSubmittedThroughTheCliAppearsLiveInTheBlockView() throws Exception {
    open("acme", "blocks");
    mark();
    String out =
        ok(
                "acme",
                "wallet",
                "deposit",
                "--to",
                "birch",
                "--amount",
                "5000",
                "--key",
                alliance.nodeDir("acme").resolve("gateway.key").toString())
            .out();
    Matcher m = COMMITTED.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    String hash = m.group(1);
    String height = m.group(2);
    waitFor(
        "block " + height + " listed live",
        () ->
            !browser
                .findElements(By.cssSelector("#blocks tr[data-height='" + height + "']"))
                .isEmpty());
    assertThat(stillMarked()).as("the list updated without a reload").isTrue();

    browser.findElement(By.cssSelector("#blocks tr[data-height='" + height + "'] a")).click();
    waitFor(
        "the block's transactions",
        () ->
            !browser
                .findElements(By.cssSelector("#block-txs tr[data-tx='" + hash + "']"))
                .isEmpty());
    assertThat(text("#block-txs tr[data-tx='" + hash + "']")).contains("ok");
    // PBFT: a commit certificate holds 2f+1 = 3 of the 4 validators' signatures at least.
    long signed =
        browser.findElements(By.cssSelector("#certificate tbody .badge.ok")).stream()
            .filter(b -> b.getText().equals("signed"))
            .count();
    assertThat(signed).isBetween(3L, 4L);
    screenshot("block");

    WebElement search = browser.findElement(By.id("search"));
    search.sendKeys(hash, Keys.ENTER);
    waitFor("the transaction page", () -> text("#tx-status").contains("#" + height));
    assertThat(text("#tx-status")).contains("ok");
    assertThat(browserErrors()).isEmpty();
  }

  @Test
  @Order(3)
  void theMembersWorkShowsItsRequestOffersAndContractWithPreconditionStates() throws Exception {
    ok(
        "acme",
        "request",
        "create",
        "--type",
        "data",
        "--description",
        "sensor logs",
        "--quantity",
        "2",
        "--id",
        "r-1");
    ok("birch", "offer", "make", "r-1", "--id", "o-b", "--description", "fleet data");
    // A provider sees the open request in its ranked inbox, with the command to answer it.
    openUntil("cobalt", "work", "r-1 in cobalt's inbox", () -> text("#inbox").contains("r-1"));
    // GET /inbox ranks only other members' open requests: acme's own r-1 is not in its inbox.
    JsonNode acmeInbox = JSON.readTree(alliance.get("acme", "/inbox").orElseThrow().body());
    assertThat(acmeInbox.path("member").asText()).isEqualTo("acme");
    assertThat(acmeInbox.path("requests").toString()).doesNotContain("\"r-1\"");
    assertThat(text("#inbox tr[data-request='r-1']")).contains("alliance offer make r-1");
    ok("cobalt", "offer", "make", "r-1", "--id", "o-c", "--description", "app data");
    ok(
        "acme",
        "offer",
        "accept",
        "r-1",
        "--offer",
        "o-b:2",
        "--offer",
        "o-c:1",
        "--contract-id",
        "c-1",
        "--duration",
        "1d");
    ok("birch", "contract", "sign", "c-1");
    ok("cobalt", "contract", "sign", "c-1");

    openUntil(
        "acme",
        "work",
        "contract c-1 signed by both providers",
        () -> text("[data-contract='c-1']").contains("2 / 3"));
    String contract = text("[data-contract='c-1']");
    // Listing 1: actN (signed) per signer and resources (transferred); acme has not signed yet
    // and nothing was transferred, so those terms are shown as not holding.
    assertThat(contract).contains("2 / 3").contains("resources (transferred) \u2717");
    assertThat(contract).contains("alliance contract sign c-1");
    assertThat(text("[data-request='r-1']")).contains("o-b").contains("o-c").contains("accepted");

    ok("acme", "contract", "sign", "c-1");
    Matcher ack = COMMITTED.matcher(ok("acme", "resource", "ack", "c-1", "--period", "0").out());
    assertThat(ack.find()).as("the acknowledgement's commit").isTrue();
    ackHeight = Long.parseLong(ack.group(2));
    openUntil(
        "acme", "work", "c-1 fulfilled", () -> text("[data-contract='c-1']").contains("fulfilled"));
    assertThat(text("[data-contract='c-1']")).contains("3 / 3").doesNotContain("\u2717");
    browser.findElement(By.cssSelector("[data-contract='c-1'] summary")).click();
    assertThat(text("[data-contract='c-1'] pre.xml"))
        .contains("<smart_contract")
        .contains("<precondition>");
    // SPEC M-19: 100 tokens split 2:1, birch's part is 67; the wallet shows the ledger's value.
    openUntil("birch", "work", "birch's tokens", () -> text("#wallet").contains("67"));
    assertThat(browser.findElements(By.cssSelector("#wallet-chart canvas"))).isNotEmpty();
    // The history comes from the versioned state: it ends at 67 tokens and starts at none.
    JsonNode points =
        JSON.readTree(
                alliance
                    .get("birch", "/accounts/" + birchKey() + "/history?points=50")
                    .orElseThrow()
                    .body())
            .path("points");
    assertThat(points.get(points.size() - 1).path("tokens").asLong()).isEqualTo(67);
    assertThat(points.get(0).path("tokens").asLong()).isZero();
    for (String bad :
        List.of(
            "/accounts/zz/history",
            "/accounts/" + birchKey() + "/history?points=0",
            "/accounts/" + birchKey() + "/history?points=201")) {
      assertThat(alliance.get("birch", bad).orElseThrow().statusCode()).as(bad).isEqualTo(400);
    }
    browser.findElement(By.cssSelector("[data-contract='c-1'] summary")).click();
    screenshot("work");
    assertThat(browserErrors()).isEmpty();
  }

  @Test
  @Order(4)
  void aDaoVoteChangesTheTallyLive() throws Exception {
    ok("birch", "dao", "propose", "--set", "reward-standard-tokens=120");
    JsonNode proposals = JSON.readTree(alliance.get("birch", "/proposals").orElseThrow().body());
    JsonNode proposal = proposals.path("proposals").get(proposals.path("proposals").size() - 1);
    String id = proposal.path("id").asText();
    String css = "[data-proposal='" + id + "'] .tally-text";
    openUntil(
        "acme",
        "economy",
        "proposal " + id,
        () -> !browser.findElements(By.cssSelector(css)).isEmpty());
    String noBefore = attr(css, "data-no");
    assertThat(noBefore).isEqualTo("0");
    mark();
    // cobalt holds stake from c-1 (33 tokens), so its "no" weighs.
    ok("cobalt", "dao", "vote", id, "no");
    waitFor(
        "cobalt's vote in the tally",
        () -> {
          String no = attr(css, "data-no");
          return no != null && !no.equals("0");
        });
    assertThat(stillMarked()).as("the tally updated without a reload").isTrue();
    assertThat(text(css)).contains("cobalt no");
    long stake =
        JSON.readTree(alliance.get("acme", "/proposals/" + id).orElseThrow().body())
            .path("noWeight")
            .asLong();
    assertThat(attr(css, "data-no")).isEqualTo(String.valueOf(stake));
    assertThat(text("#accounts")).contains("birch").contains("67");
    contributionsChartShowsTheRewardOfC1();
    screenshot("economy");
    assertThat(browserErrors()).isEmpty();
  }

  /**
   * SPEC M-19: c-1's 100 tokens were issued 67 to birch and 33 to cobalt at the end of the block
   * that acknowledged its resource, so the contributions chart has those amounts in the range of
   * heights holding that block and nothing for acme, which was only the receiver.
   */
  private static void contributionsChartShowsTheRewardOfC1() throws IOException {
    assertThat(ackHeight).as("test 3 ran").isPositive();
    JsonNode api =
        JSON.readTree(alliance.get("acme", "/contributions?buckets=20").orElseThrow().body());
    List<String> names = new ArrayList<>();
    api.path("members").forEach(m -> names.add(m.path("member").asText()));
    assertThat(names).contains("acme", "birch", "cobalt", "delta");
    waitFor(
        "the contributions chart drawn",
        () -> js("return document.getElementById('contrib-chart').chartData || null;") != null);
    @SuppressWarnings("unchecked")
    List<List<Number>> data =
        (List<List<Number>>) js("return document.getElementById('contrib-chart').chartData;");
    List<Number> froms = data.get(0);
    for (var expected : java.util.Map.of("birch", 67L, "cobalt", 33L, "acme", 0L).entrySet()) {
      List<Number> series = data.get(1 + names.indexOf(expected.getKey()));
      long sum = 0;
      long atAck = 0;
      for (int i = 0; i < series.size(); i++) {
        long v = series.get(i) == null ? 0 : series.get(i).longValue();
        sum += v;
        boolean holdsAck =
            froms.get(i).longValue() <= ackHeight
                && (i + 1 == froms.size() || froms.get(i + 1).longValue() > ackHeight);
        if (holdsAck) {
          atAck = v;
        }
      }
      assertThat(sum).as(expected.getKey() + " over all ranges").isEqualTo(expected.getValue());
      assertThat(atAck).as(expected.getKey() + " in the range of " + ackHeight).isEqualTo(sum);
    }
    // The totals table sits in a closed <details>: read its text content, not what is rendered.
    assertThat(
            js(
                "return document.querySelector(\"#contrib-totals tr[data-member='birch']\")"
                    + ".textContent;"))
        .asString()
        .contains("67");
    for (String bad : List.of("/contributions?buckets=0", "/contributions?buckets=101")) {
      assertThat(alliance.get("acme", bad).orElseThrow().statusCode()).as(bad).isEqualTo(400);
    }
  }

  @Test
  @Order(5)
  void anAnnouncementAppearsLiveAsARoutePictureWithHopTimes() throws Exception {
    open("delta", "paper");
    mark();
    var request =
        java.net.http.HttpRequest.newBuilder(alliance.api("acme").resolve("/announcements"))
            .header("Content-Type", "application/json")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"need 40 pallets\"}"))
            .build();
    try (var http = java.net.http.HttpClient.newHttpClient()) {
      assertThat(
              http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(202);
    }
    waitFor("the route picture, live", () -> text("#trees figure").contains("need 40 pallets"));
    assertThat(stillMarked()).isTrue();
    assertThat(browser.findElements(By.cssSelector("#trees figure svg rect")))
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(text("#trees figure figcaption")).contains("from acme").contains("in all");
    // paper eq. (2): one row per other member with its inputs.
    assertThat(browser.findElements(By.cssSelector("#trust tbody tr"))).hasSize(3);
    screenshot("paper");
    open("acme", "alliance");
    waitFor(
        "the chart", () -> !browser.findElements(By.cssSelector("#commit-rate canvas")).isEmpty());
    screenshot("alliance");
    assertThat(browserErrors()).isEmpty();
  }

  @Test
  @Order(6)
  void everyPageIsKeyboardReachableFitsANarrowScreenAndPassesAaContrast() throws Exception {
    String contrast =
        new String(
            ConsoleBrowserTest.class.getResourceAsStream("/console-contrast.js").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      for (String page : List.of("alliance", "blocks", "work", "economy", "paper")) {
        open("acme", page);
        waitFor(
            page + " loaded",
            () -> js("return document.getElementById('main').getAttribute('aria-busy')") == null);
        assertThat(
                (Boolean)
                    js("return document.documentElement.scrollWidth <= window.innerWidth + 1;"))
            .as(page + ": no sideways scrolling of the page at 390 px")
            .isTrue();
        @SuppressWarnings("unchecked")
        List<String> failures = (List<String>) js(contrast);
        assertThat(failures).as(page + ": WCAG AA text contrast").isEmpty();
      }
      // Keyboard: the first Tab reaches the skip link, Enter moves focus to the content, and the
      // page links are reachable by Tab.
      open("acme", "alliance");
      browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
      assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
      List<String> reached = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        reached.add(browser.switchTo().activeElement().getText());
      }
      assertThat(reached).contains("Alliance", "Blocks", "My work", "Economy", "Paper figures");
      WebElement economy = browser.findElement(By.cssSelector("#nav a[data-page='economy']"));
      economy.sendKeys(Keys.ENTER);
      waitFor("economy by keyboard", () -> text("main h1").equals("Economy"));
      screenshot("narrow-economy");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 1000));
    }
    assertThat(browserErrors()).isEmpty();
  }

  /**
   * The same pages in Firefox (Debian's firefox-esr, driven over WebDriver BiDi: there is no
   * geckodriver package), at desktop and phone widths: each shows the data made above, the pages
   * fit 390 px without sideways scrolling and pass AA contrast, and no script error is logged.
   */
  @Test
  @Order(7)
  void firefoxShowsThePagesWithTheirDataAtDesktopAndNarrowWidths() throws Exception {
    Optional<Path> firefox = FirefoxBidi.binary();
    assumeTrue(firefox.isPresent(), "needs Firefox (firefox-esr; .ci/run installs it)");
    String contrast =
        new String(
            ConsoleBrowserTest.class.getResourceAsStream("/console-contrast.js").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    java.util.Map<String, String> checks = new java.util.LinkedHashMap<>();
    checks.put(
        "alliance",
        "return document.querySelectorAll('#members tbody tr').length === 4"
            + " && !!document.querySelector('#commit-rate canvas');");
    checks.put("blocks", "return document.querySelectorAll('#blocks tbody tr').length > 0;");
    checks.put(
        "work",
        "const c = document.querySelector(\"[data-contract='c-1']\");"
            + " return !!c && c.innerText.includes('fulfilled')"
            + " && !!document.querySelector('#wallet-chart canvas');");
    // birch's 67 tokens from c-1 in the table and in the contributions chart's data.
    checks.put(
        "economy",
        "const t = document.getElementById('accounts');"
            + " const c = document.getElementById('contrib-chart');"
            + " const names = (await (await fetch('/contributions?buckets=20')).json())"
            + ".members.map((m) => m.member);"
            + " return !!t && t.innerText.includes('67') && !!c && !!c.chartData"
            + " && c.chartData[1 + names.indexOf('birch')].reduce((a, b) => a + b, 0) === 67;");
    checks.put("paper", "return document.querySelectorAll('#trust tbody tr').length === 3;");
    String ready =
        "return !!document.querySelector('main h1')"
            + " && document.getElementById('main').getAttribute('aria-busy') === null;";
    try (FirefoxBidi ff = FirefoxBidi.start(firefox.get(), dir.resolve("firefox"), DEADLINE)) {
      for (int width : List.of(1280, 390)) {
        ff.viewport(width, width == 390 ? 844 : 1000);
        for (var check : checks.entrySet()) {
          String page = check.getKey() + " at " + width + " px";
          ff.navigate("about:blank");
          ff.navigate(console("acme", check.getKey()));
          ff.await(page + " loaded", ready, JsonNode::asBoolean, DEADLINE);
          ff.await(page + " shows its data", check.getValue(), JsonNode::asBoolean, DEADLINE);
          if (width == 390) {
            assertThat(
                    ff.eval("return document.documentElement.scrollWidth <= window.innerWidth + 1;")
                        .asBoolean())
                .as(page + ": no sideways scrolling")
                .isTrue();
            assertThat(ff.eval(contrast).toString()).as(page + ": AA contrast").isEqualTo("[]");
          }
        }
      }
      Path shot =
          Files.createDirectories(Path.of("target", "console-screenshots"))
              .resolve("firefox-narrow-economy.png");
      ff.navigate(console("acme", "economy"));
      ff.await("economy", ready, JsonNode::asBoolean, DEADLINE);
      Files.write(shot, ff.screenshot());
      String docs = System.getProperty("console.screenshots", "");
      if (!docs.isEmpty()) {
        Files.copy(
            shot, Path.of(docs).resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      assertThat(ff.errors()).as("Firefox script errors").isEmpty();
    }
  }
}
