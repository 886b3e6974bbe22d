package org.alliancechain.contracts.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.alliancechain.contracts.Seeds;
import org.alliancechain.contracts.model.Arg;
import org.alliancechain.contracts.model.Call;
import org.alliancechain.contracts.model.Conjunction;
import org.alliancechain.contracts.model.Party;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {

  @Test
  void parsesCallsConjunctionsAndRuleListsAcrossLines() {
    assertThat(ExpressionParser.call(" token ( share ,amount ) "))
        .isEqualTo(Call.refs("token", "share", "amount"));
    assertThat(ExpressionParser.conjunction("act1 (signed) and resources(transferred)"))
        .isEqualTo(
            Conjunction.of(Call.refs("act1", "signed"), Call.refs("resources", "transferred")));
    assertThat(ExpressionParser.conjunctionList("a (x) & b (y)\n  c (z)"))
        .containsExactly(
            Conjunction.of(Call.refs("a", "x"), Call.refs("b", "y")),
            Conjunction.of(Call.refs("c", "z")));
    assertThat(ExpressionParser.callList("date (s, e)\nf (0)"))
        .containsExactly(Call.refs("date", "s", "e"), Call.of("f", Arg.literal(0)));
    assertThat(ExpressionParser.party(" Provider_1 (address_1) "))
        .isEqualTo(new Party("Provider_1", "address_1"));
  }

  @Test
  void rejectsWhatTheGrammarDoesNotAllowWithTheOffset() {
    assertThat(offset(ExpressionParser::call, "token (share amount)")).isEqualTo(13);
    assertThat(offset(ExpressionParser::call, "token (007)")).isEqualTo(7); // no leading zeros
    assertThat(offset(ExpressionParser::call, "f (99999999999999999999)")).isEqualTo(3);
    assertThat(offset(ExpressionParser::conjunction, "a (x) & and (y)")).isEqualTo(8);
    assertThat(offset(ExpressionParser::conjunction, "a (x) &")).isEqualTo(7);
    assertThat(offset(ExpressionParser::call, "a (x) b (y)")).isEqualTo(6);
    assertThat(offset(ExpressionParser::callList, "date (s, e) ...")).isEqualTo(12);
  }

  private static int offset(Function<String, ?> parser, String text) {
    try {
      Object parsed = parser.apply(text);
      throw new AssertionError("expected a syntax error, got " + parsed);
    } catch (ExpressionParser.SyntaxException e) {
      return e.offset();
    }
  }

  @Test
  void randomTextOnlyEverGivesSyntaxErrors() {
    SplittableRandom random = Seeds.random("contracts.expression");
    String alphabet = "ab_1 0(),&\n\t-.and(xyz)";
    List<Function<String, ?>> parsers =
        List.of(
            ExpressionParser::call,
            ExpressionParser::conjunction,
            ExpressionParser::callList,
            ExpressionParser::conjunctionList,
            ExpressionParser::party);
    int parsed = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(30); k > 0; k--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      try {
        Object result = parsers.get(random.nextInt(parsers.size())).apply(text.toString());
        parsed += result == null ? 0 : 1;
      } catch (ExpressionParser.SyntaxException e) {
        assertThat(e.offset()).isBetween(0, text.length());
        assertThat(e.expected()).isNotBlank();
      }
    }
    assertThat(parsed).isPositive();
  }
}
