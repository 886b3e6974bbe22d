package org.alliancechain.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.cli.client.TxSender;
import org.alliancechain.cli.node.ApiViews;
import org.alliancechain.cli.node.WorkflowViews;
import org.alliancechain.contracts.sharing.ResourceType;
import org.alliancechain.core.crypto.Address;
import org.alliancechain.core.crypto.KeyFile;
import org.alliancechain.core.crypto.KeyFileException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.engine.ContractsEngine;
import org.alliancechain.token.engine.Lifecycle;
import org.alliancechain.token.tx.TokenTx;

/** What the workflow commands share: reading the signer, sending lifecycle steps, printing. */
final class Workflows {
  private Workflows() {}

  /**
   * The member's ledger key: the profile's key, or for a key the DAO rotated the member to, the key
   * its ledger entry (and address in contracts) stays under (issue #4).
   */
  static PublicKey ownKey(ClientOptions options) {
    PublicKey key;
    try {
      key = KeyFile.loadPublicKey(options.keyFile());
    } catch (IOException | KeyFileException e) {
      throw CliException.failure(
          "cannot read the key file " + options.keyFile() + ": " + e.getMessage());
    }
    var members =
        options
            .client()
            .get("/members", org.alliancechain.cli.node.ApiViews.Members.class)
            .members();
    if (members.stream().anyMatch(m -> m.publicKey().equals(key.toHex()))) {
      return key;
    }
    String name =
        options
            .client()
            .get("/accounts/" + key.toHex(), org.alliancechain.cli.node.ApiViews.AccountView.class)
            .member();
    return members.stream()
        .filter(m -> m.name().equals(name))
        .map(m -> PublicKey.fromHex(m.publicKey()))
        .findFirst()
        .orElse(key);
  }

  static String address(PublicKey key) {
    return Address.of(key).toText();
  }

  static void sendLifecycle(
      ClientOptions options, WalletCommand.SignOptions sign, Lifecycle step, PrintWriter out) {
    TxSender sender = new TxSender(options);
    TokenTx tx = new TokenTx.Lifecycle(step.kind(), ContractsEngine.encode(step));
    sender.send(sender.key(sign.passphrase()), tx, !sign.noWait, out);
  }

  static void send(
      ClientOptions options, WalletCommand.SignOptions sign, TokenTx tx, PrintWriter out) {
    TxSender sender = new TxSender(options);
    sender.send(sender.key(sign.passphrase()), tx, !sign.noWait, out);
  }

  static WorkflowViews.RequestView request(NodeClient client, String id) {
    checkId(id, "request id");
    return client.get("/requests/" + id, WorkflowViews.RequestView.class);
  }

  static WorkflowViews.ContractView contract(NodeClient client, String id) {
    checkId(id, "contract id");
    return client.get("/contracts/" + id, WorkflowViews.ContractView.class);
  }

  /** Ids travel in URL paths: keep them to the characters the ledger's examples use. */
  static void checkId(String id, String what) {
    if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
      throw CliException.usage(what + " '" + id + "' must be 1 to 64 of A-Z a-z 0-9 . _ -");
    }
  }

  static long parameter(NodeClient client, String name) {
    for (WorkflowViews.ParameterView p :
        client.get("/parameters", WorkflowViews.Parameters.class).parameters()) {
      if (p.name().equals(name)) {
        return p.value();
      }
    }
    throw CliException.failure("the node has no parameter " + name);
  }

  static String mode(NodeClient client) {
    return client.get("/status", ApiViews.Status.class).mode();
  }

  static ResourceType resourceType(String text) {
    try {
      return ResourceType.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw CliException.usage(
          "unknown resource type '"
              + text
              + "' (one of "
              + java.util.Arrays.stream(ResourceType.values())
                  .map(t -> t.name().toLowerCase(Locale.ROOT))
                  .toList()
              + ")");
    }
  }

  /** {@code 90s}, {@code 30m}, {@code 12h}, {@code 7d} or plain seconds. */
  static long seconds(String text, String option) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d{1,9})([smhd]?)").matcher(text);
    if (!m.matches()) {
      throw CliException.usage(option + " expects a duration like 90s, 30m, 12h or 7d: " + text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> n * 60;
      case "h" -> n * 3600;
      case "d" -> n * 86_400;
      default -> n;
    };
  }

  /** A fresh id for a record this member creates: prefix, then the time in base 36, then noise. */
  static String newId(String prefix) {
    return prefix
        + "-"
        + Long.toString(System.currentTimeMillis(), 36)
        + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(46_656), 36);
  }

  static void json(PrintWriter out, Object view) {
    out.println(NodeClient.toJson(view));
  }
}
