package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliancechain.cli.local.LocalAlliance;
import org.alliancechain.config.ExampleSpecs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 10, SPEC M-11 and M-29: in a competitive alliance a member's console never shows another
 * member's private records. quasar offers to orion's request with a description and a profile that
 * only orion (the receiver) may read; rigel, no party to it, opens every page of its console (and
 * the pages of that offer's transaction and block) and none of them holds either text, while its
 * own request and the offer made to it are shown. Whether rigel's node holds the offer in plain
 * text (the ledger's records) or only its hash (records sent to their recipients), the console must
 * not put it on rigel's screen; orion's console shows it, so the check can fail.
 */
class ConsoleCompetitiveBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String PASSPHRASE = "console-competitive-test";
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern COMMITTED =
      Pattern.compile("committed ([0-9a-f]{64}) at height (\\d+)");
  // Texts only quasar and orion may read; distinct enough to appear nowhere by chance.
  private static final String SECRET_OFFER = "quasar-secret-offer-7f3a";
  private static final String SECRET_PROFILE = "quasar-secret-profile-c91e";
  private static final String OWN_REQUEST = "rigel-own-request-2b6d";
  private static final String OFFER_TO_RIGEL = "quasar-offer-for-rigel-5e08";

  @TempDir static Path dir;
  private static LocalAlliance alliance;
  private static Path secret;
  private static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (.ci/run installs them)");
    secret = dir.resolve("secret");
    Files.writeString(secret, PASSPHRASE + "\n");
    alliance = ConsoleBrowserTest.startLocal(dir, ExampleSpecs.COMPETITIVE, PASSPHRASE);
    browser = ConsoleBrowserTest.chromium(dir.resolve("chromium-profile"));
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

  /** Runs a signing CLI command as {@code member}, through that member's own node. */
  private static String ok(String member, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--profile",
            alliance.nodeDir(member).resolve("profile.yaml").toString(),
            "--node",
            alliance.api(member).toString(),
            "--passphrase-file",
            secret.toString()));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertThat(run.exitCode())
        .as(member + " " + String.join(" ", args) + "\n" + run.err())
        .isZero();
    return run.out();
  }

  private static Matcher committed(String out) {
    Matcher m = COMMITTED.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m;
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, DEADLINE, Duration.ofMillis(200))
        .withMessage(() -> what + " (node logs in " + dir + ")")
        .until(d -> condition.getAsBoolean());
  }

  /** Opens a page of {@code member}'s console as a new document and waits until it has loaded. */
  private static void open(String member, String page) {
    browser.get("about:blank");
    browser.get(alliance.api(member).resolve("/console/#/" + page).toString());
    waitFor(
        page + " of " + member,
        () ->
            (Boolean)
                js(
                    "return !!document.querySelector('main h1')"
                        + " && document.getElementById('main').getAttribute('aria-busy') === null;"));
  }

  /** Everything the page holds: its markup (attributes, closed details) and its visible text. */
  private static String everything() {
    return (String) js("return document.documentElement.outerHTML + document.body.innerText;");
  }

  private static long height(String member) throws Exception {
    return JSON.readTree(alliance.get(member, "/status").orElseThrow().body())
        .path("height")
        .asLong();
  }

  @Test
  void aMembersConsoleShowsItsOwnRecordsAndNeverAnotherMembersPrivateOnes() throws Exception {
    ok(
        "orion",
        "request",
        "create",
        "--type",
        "knowledge",
        "--description",
        "patents on ceramic bearings",
        "--reward",
        "300",
        "--id",
        "r-o");
    Matcher secretOffer =
        committed(
            ok(
                "quasar",
                "offer",
                "make",
                "r-o",
                "--id",
                "o-q",
                "--description",
                SECRET_OFFER,
                "--provider-profile",
                SECRET_PROFILE));
    String secretTx = secretOffer.group(1);
    String secretHeight = secretOffer.group(2);
    ok(
        "rigel",
        "request",
        "create",
        "--type",
        "data",
        "--description",
        OWN_REQUEST,
        "--reward",
        "50",
        "--id",
        "r-r");
    ok("quasar", "offer", "make", "r-r", "--id", "o-r", "--description", OFFER_TO_RIGEL);
    long last =
        Long.parseLong(
            committed(
                    ok("orion", "offer", "accept", "r-o", "--offer", "o-q", "--contract-id", "c-o"))
                .group(2));

    // The receiver's console shows quasar's offer: the texts do reach a console that may show them.
    waitFor(
        "quasar's offer on orion's console",
        () -> {
          open("orion", "work");
          return everything().contains(SECRET_OFFER);
        });

    // rigel's own request and the offer made to it are on its console.
    waitFor(
        "rigel's node at height " + last,
        () -> {
          try {
            return height("rigel") >= last;
          } catch (Exception e) {
            return false;
          }
        });
    waitFor(
        "rigel's request and quasar's offer to it",
        () -> {
          open("rigel", "work");
          String page = everything();
          return page.contains(OWN_REQUEST) && page.contains(OFFER_TO_RIGEL);
        });
    assertThat((Long) js("return document.querySelectorAll('[data-contract]').length;"))
        .as("rigel is party to no contract (c-o is orion's and quasar's)")
        .isZero();

    List<String> pages =
        List.of(
            "work",
            "alliance",
            "blocks",
            "blocks/" + secretHeight,
            "tx/" + secretTx,
            "economy",
            "paper");
    for (String page : pages) {
      open("rigel", page);
      String shown = everything();
      assertThat(shown).as("rigel's " + page).doesNotContain(SECRET_OFFER, SECRET_PROFILE);
    }
    // The block page did list the offer's transaction: the page was about it, yet kept it private.
    open("rigel", "blocks/" + secretHeight);
    assertThat(everything()).contains(secretTx);
  }
}
