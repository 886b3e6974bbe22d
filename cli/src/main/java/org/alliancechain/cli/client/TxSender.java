package org.alliancechain.cli.client;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.Passphrases;
import org.alliancechain.cli.node.ApiViews;
import org.alliancechain.core.Hex;
import org.alliancechain.core.crypto.KeyFile;
import org.alliancechain.core.crypto.KeyFileException;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.WrongPassphraseException;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxCodec;

/**
 * Signs a ledger transaction with the member's key and submits it: the chain id and the next nonce
 * come from the node, the key from the key file (passphrase from $ALLIANCE_PASSPHRASE or
 * --passphrase-file). With {@code wait}, polls until the transaction is committed and fails (exit
 * 1) with the ledger's reason if it was committed as failed.
 */
public final class TxSender {
  public static final Duration WAIT_MAX = Duration.ofSeconds(30);

  private final ClientOptions options;
  private final NodeClient client;

  public TxSender(ClientOptions options) {
    this.options = options;
    this.client = options.client();
  }

  public NodeClient client() {
    return client;
  }

  public KeyPair key(Optional<Path> passphraseFile) {
    Path file = options.keyFile();
    char[] passphrase = Passphrases.read(passphraseFile, Optional.empty());
    try {
      return KeyFile.load(file, passphrase);
    } catch (WrongPassphraseException e) {
      throw CliException.failure("wrong passphrase for the key file " + file);
    } catch (KeyFileException e) {
      throw CliException.failure("the key file " + file + " is damaged: " + e.getMessage());
    } catch (IOException e) {
      throw CliException.failure("cannot read the key file " + file + ": " + e.getMessage());
    }
  }

  /** A member by name, or a public key in hex. */
  public PublicKey resolve(String memberOrKey) {
    ApiViews.Members members = client.get("/members", ApiViews.Members.class);
    if (memberOrKey.equals("gateway")) {
      return PublicKey.fromHex(members.gatewayKey());
    }
    for (ApiViews.MemberView m : members.members()) {
      if (m.name().equals(memberOrKey) || m.publicKey().equals(memberOrKey)) {
        return PublicKey.fromHex(m.publicKey());
      }
    }
    throw CliException.failure(
        "unknown member '"
            + memberOrKey
            + "' (members: "
            + members.members().stream().map(ApiViews.MemberView::name).toList()
            + ")");
  }

  /** Signs, submits, and (with {@code wait}) waits for the commit; returns the final status. */
  public ApiViews.TxStatus send(KeyPair key, TokenTx tx, boolean wait, PrintWriter out) {
    String hash = submit(client, key, tx);
    if (!wait) {
      out.printf("submitted %s%n", hash);
      return new ApiViews.TxStatus(hash, "pending", null, null, null, null, null);
    }
    ApiViews.TxStatus status = awaitSuccess(client, hash);
    out.printf("committed %s at height %d%n", status.hash(), status.height());
    return status;
  }

  /**
   * Signs {@code tx} with the next nonce the node knows for the key and the node's chain id, and
   * submits it; returns its hash. Every signing path of the CLI and the demo goes through here.
   */
  public static String submit(NodeClient client, KeyPair key, TokenTx tx) {
    String chainId = client.get("/status", ApiViews.Status.class).chainId();
    long nonce =
        client.get("/accounts/" + key.publicKey().toHex(), ApiViews.AccountView.class).nonce();
    Transaction signed =
        Transaction.sign(key, chainId, nonce, tx.kind().code(), TxCodec.encode(tx));
    return client
        .post(
            "/tx",
            new ApiViews.SubmitRequest(Hex.encode(signed.encode())),
            ApiViews.SubmitResult.class)
        .hash();
  }

  /** Waits for the commit; a transaction committed as failed is exit 1 with the ledger's reason. */
  public static ApiViews.TxStatus awaitSuccess(NodeClient client, String hash) {
    ApiViews.TxStatus status = awaitCommit(client, hash);
    if (!Boolean.TRUE.equals(status.success())) {
      throw CliException.failure(
          "transaction "
              + status.hash()
              + " failed at height "
              + status.height()
              + ": "
              + status.code()
              + (status.detail() == null ? "" : " - " + status.detail()));
    }
    return status;
  }

  public ApiViews.TxStatus awaitCommit(String hash) {
    return awaitCommit(client, hash);
  }

  public static ApiViews.TxStatus awaitCommit(NodeClient client, String hash) {
    long deadline = System.nanoTime() + WAIT_MAX.toNanos();
    while (System.nanoTime() < deadline) {
      ApiViews.TxStatus status = client.get("/tx/" + hash, ApiViews.TxStatus.class);
      if (status.status().equals("committed")) {
        return status;
      }
      try {
        Thread.sleep(50); // polling interval for the node's answer
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw CliException.failure("interrupted while waiting for " + hash);
      }
    }
    throw CliException.failure("transaction " + hash + " not committed within " + WAIT_MAX);
  }
}
