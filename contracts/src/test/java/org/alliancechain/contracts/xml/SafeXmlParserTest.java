package org.alliancechain.contracts.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.xml.ContractError.Code;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// OWASP XML External Entity Prevention Cheat Sheet: the payload families tested below.
class SafeXmlParserTest {
  private static final String CANARY = "CANARY-7f3a-secret-content";

  @TempDir Path temp;
  private Path secretFile;
  private ServerSocketChannel listener;
  private String httpBase;

  @BeforeEach
  void setUp() throws IOException {
    secretFile = temp.resolve("secret.txt");
    Files.writeString(secretFile, CANARY);
    listener = ServerSocketChannel.open();
    listener.bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
    listener.configureBlocking(false);
    httpBase = "http://127.0.0.1:" + ((InetSocketAddress) listener.getLocalAddress()).getPort();
  }

  @AfterEach
  void tearDown() throws IOException {
    listener.close();
  }

  /** A connect() completes its handshake before the parser returns, so it would be queued here. */
  private void assertNoConnectionWasMade() throws IOException {
    assertThat(listener.accept()).as("a connection to the local listener").isNull();
  }

  private List<String> payloads() {
    String file = secretFile.toUri().toString();
    return List.of(
        // external general entity
        "<!DOCTYPE smart_contract [<!ENTITY xxe SYSTEM \""
            + file
            + "\">]>"
            + "<smart_contract><state>&xxe;</state></smart_contract>",
        "<!DOCTYPE smart_contract [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<smart_contract><state>&xxe;</state></smart_contract>",
        // parameter entity fetching an external DTD
        "<!DOCTYPE smart_contract [<!ENTITY % pe SYSTEM \""
            + httpBase
            + "/pe.dtd\"> %pe;]>"
            + "<smart_contract/>",
        // billion laughs
        billionLaughs(),
        // external DTD over http
        "<!DOCTYPE smart_contract SYSTEM \"" + httpBase + "/evil.dtd\"><smart_contract/>",
        "<?xml version=\"1.0\"?>\n<!doctype smart_contract PUBLIC \"-//x//y\" \""
            + file
            + "\">"
            + "<smart_contract/>");
  }

  private static String billionLaughs() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    return dtd.append("]><smart_contract><state>&lol9;</state></smart_contract>").toString();
  }

  @Test
  void rejectsEveryXxePayloadWithTheDtdReasonAndTouchesNothing() throws IOException {
    for (String payload : payloads()) {
      assertThatThrownBy(() -> SafeXmlParser.parse(payload))
          .as(payload)
          .isInstanceOfSatisfying(
              ContractException.class,
              e -> {
                assertThat(e.first().code()).isEqualTo(Code.DTD_FORBIDDEN);
                assertThat(e.first().message()).contains("DOCTYPE").doesNotContain(CANARY);
              });
    }
    assertNoConnectionWasMade();
  }

  @Test
  void staxConfigurationAloneAlsoRefusesEveryXxePayload() throws IOException {
    // Defence in depth: without the prescan, the StAX settings must still refuse and never fetch.
    for (String payload : payloads()) {
      assertThatThrownBy(() -> SafeXmlParser.parseWithoutPrescan(payload))
          .as(payload)
          .isInstanceOfSatisfying(
              ContractException.class,
              e -> assertThat(e.getMessage()).doesNotContain(CANARY).doesNotContain("root:x:0"));
    }
    assertNoConnectionWasMade();
  }

  @Test
  void rejectsAnUndeclaredEntityReferenceWithoutADoctype() {
    ContractException e = reject("<smart_contract><state>&xxe;</state></smart_contract>");
    assertThat(e.first().code()).isEqualTo(Code.ENTITY_FORBIDDEN);
    assertThat(e.first().element()).isEqualTo("state");
    assertThat(e.first().line()).isEqualTo(1);
    assertThat(e.first().column()).isEqualTo(24);
  }

  @Test
  void rejectsXincludeBecauseNamespacesAreNotPartOfTheLanguage() throws IOException {
    ContractException e =
        reject(
            "<smart_contract><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                + httpBase
                + "/x\"/></smart_contract>");
    assertThat(e.first().code()).isEqualTo(Code.NAMESPACE_FORBIDDEN);
    assertNoConnectionWasMade();
  }

  @Test
  void aRawAmpersandInAnAttributeNamesTheElementCarryingIt() {
    ContractException e =
        reject("<smart_contract>\n  <param name=\"a&b\" value=\"1\"/>\n</smart_contract>");
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            err -> {
              assertThat(err.code()).isEqualTo(Code.RAW_AMPERSAND);
              assertThat(err.line()).isEqualTo(2);
              assertThat(err.column()).isEqualTo(17); // two spaces, <param name="a, then &
              assertThat(err.element()).isEqualTo("param");
            });
  }

  @Test
  void acceptsPredefinedEntitiesAndCharacterReferences() {
    XmlElement root =
        SafeXmlParser.parse(
            "<smart_contract><state>a &amp; b &#38; c &#x26; &lt;</state></smart_contract>");
    assertThat(root.children().get(0).text()).isEqualTo("a & b & c & <");
  }

  @Test
  void rejectsADocumentOverTheByteLimitBeforeParsing() {
    byte[] big = new byte[ContractLimits.DOCUMENT_BYTES_MAX + 1];
    assertThatThrownBy(() -> SafeXmlParser.parse(big))
        .isInstanceOfSatisfying(
            ContractException.class,
            e -> assertThat(e.first().code()).isEqualTo(Code.DOCUMENT_TOO_LARGE));
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] bad = "<smart_contract>\u00e9</smart_contract>".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> SafeXmlParser.parse(bad))
        .isInstanceOfSatisfying(
            ContractException.class, e -> assertThat(e.first().code()).isEqualTo(Code.NOT_UTF8));
  }

  @Test
  void rejectsNestingDeeperThanTheLimit() {
    int depth = ContractLimits.ELEMENT_DEPTH_MAX + 1;
    String doc = "<a>".repeat(depth) + "</a>".repeat(depth);
    // <a> inside <a> would be NESTED_SAME_ELEMENT: alternate names.
    StringBuilder open = new StringBuilder();
    StringBuilder close = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      open.append("<e").append(i).append('>');
      close.insert(0, "</e" + i + ">");
    }
    assertThat(doc).isNotEmpty();
    ContractException e = reject(open.toString() + close);
    assertThat(e.first().code()).isEqualTo(Code.DEPTH_OVER_LIMIT);
    assertThat(e.first().element()).isEqualTo("e" + ContractLimits.ELEMENT_DEPTH_MAX);
  }

  @Test
  void rejectsMoreElementsThanTheLimit() {
    String doc = "<r>" + "<x/>".repeat(ContractLimits.ELEMENT_COUNT_MAX) + "</r>";
    assertThat(reject(doc).first().code()).isEqualTo(Code.ELEMENTS_OVER_LIMIT);
  }

  @Test
  void rejectsTextLongerThanTheLimit() {
    String doc = "<r><state>" + "x".repeat(ContractLimits.TEXT_CHARS_MAX + 1) + "</state></r>";
    ContractException e = reject(doc);
    assertThat(e.first().code()).isEqualTo(Code.TEXT_OVER_LIMIT);
    assertThat(e.first().element()).isEqualTo("state");
  }

  @Test
  void translatesAMismatchedEndTagIntoAnErrorNamingTheOpenElement() {
    ContractException e = reject("<r>\n  <state>on</status>\n</r>");
    assertThat(e.first().code()).isEqualTo(Code.MALFORMED_XML);
    assertThat(e.first().line()).isEqualTo(2);
    assertThat(e.first().element()).isEqualTo("state");
    assertThat(e.first().expected()).contains("opened at line 2");
  }

  @Test
  void listingOneAsPrintedIsRejectedNamingTheAmpersandLinesAndLine23() throws IOException {
    // paper Listing 1: raw '&' at lines 13 and 16, <performance_object> reopened at line 23
    ContractException e = reject(resource("listing1-as-printed.xml"));
    assertThat(e.errors())
        .extracting(ContractError::code, ContractError::line, ContractError::element)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Code.RAW_AMPERSAND, 13, "precondition"),
            org.assertj.core.groups.Tuple.tuple(Code.RAW_AMPERSAND, 16, "precondition"),
            org.assertj.core.groups.Tuple.tuple(
                Code.NESTED_SAME_ELEMENT, 23, "performance_object"));
    assertThat(e.errors().get(2).column()).isEqualTo(3);
    assertThat(e.errors().get(2).message())
        .contains("line 23")
        .contains("</performance_object>")
        .contains("opened at line 21");
    assertThat(e.errors().get(0).column()).isEqualTo(19);
    assertThat(e.errors().get(0).message()).contains("&amp;").contains("'and'");
  }

  @Test
  void listingTwoAsPrintedIsRejectedNamingTheAmpersandLinesAndLine22() throws IOException {
    // paper Listing 2: raw '&' at lines 12, 15, 32, 33, 35; <performance_object> reopened at line
    // 22
    ContractException e = reject(resource("listing2-as-printed.xml"));
    assertThat(e.errors()).extracting(ContractError::line).containsExactly(12, 15, 32, 33, 35, 22);
    assertThat(e.errors())
        .filteredOn(err -> err.code() == Code.NESTED_SAME_ELEMENT)
        .singleElement()
        .satisfies(
            err -> {
              assertThat(err.line()).isEqualTo(22);
              assertThat(err.element()).isEqualTo("performance_object");
            });
    assertThat(e.errors().get(2).element()).isEqualTo("bonus_rules");
  }

  @Test
  void correctedListingsAreWellFormed() throws IOException {
    for (String name : List.of("listing1-corrected.xml", "listing2-corrected.xml")) {
      XmlElement root = SafeXmlParser.parse(resource(name));
      assertThat(root.name()).isEqualTo("smart_contract");
      assertThat(root.attribute("contract_id")).contains("0001");
    }
  }

  private static ContractException reject(String doc) {
    try {
      XmlElement root = SafeXmlParser.parse(doc);
      throw new AssertionError("expected a rejection of: " + doc + ", got " + root.name());
    } catch (ContractException e) {
      return e;
    }
  }

  static String resource(String name) throws IOException {
    try (var in = SafeXmlParserTest.class.getResourceAsStream("/listings/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
