package org.alliancechain.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.cli.client.TxSender;
import org.alliancechain.cli.node.Resources;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.p2p.secure.SealedStream;
import org.alliancechain.token.engine.Lifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Resources shared under a contract (SPEC M-18): the provider uploads, the receiver's node fetches
 * and checks, the receiver acknowledges.
 */
@Command(
    name = "resource",
    mixinStandardHelpOptions = true,
    description =
        "Shared resources: upload, fetch and acknowledge the off-chain resource of a contract.",
    subcommands = {
      ResourceCommand.Upload.class,
      ResourceCommand.Fetch.class,
      ResourceCommand.Ack.class
    })
final class ResourceCommand {
  private ResourceCommand() {}

  static void checkPeriod(int period) {
    if (period < 0) {
      throw CliException.usage("--period must not be negative");
    }
  }

  static Resources.ContractResources bound(NodeClient client, String contractId) {
    Workflows.checkId(contractId, "contract id");
    return client.get("/contracts/" + contractId + "/resources", Resources.ContractResources.class);
  }

  @Command(
      name = "upload",
      mixinStandardHelpOptions = true,
      description = {
        "As a provider, store FILE on your own node and bind its SHA-256 and size to installment"
            + " PERIOD of the contract on chain; the receiver's node then fetches it from yours.",
        "In a competitive alliance the file is encrypted to the receiver's key first, and the"
            + " hash bound is that of the ciphertext. The file is streamed, never read whole."
      },
      footer = {"", "Example:  alliance resource upload patents.tar --contract c-1 --period 0"})
  static final class Upload implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--contract", required = true, paramLabel = "ID", description = "contract id")
    String contractId;

    @Option(
        names = "--period",
        defaultValue = "0",
        paramLabel = "N",
        description = "installment period, from 0 (default 0)")
    int period;

    @Override
    public Integer call() {
      checkPeriod(period);
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw CliException.usage("cannot read the file " + file);
      }
      NodeClient client = options.client();
      Resources.ContractResources contract = bound(client, contractId);
      boolean encrypt = Workflows.mode(client).equals("competitive");
      Resources.UploadView upload = ResourceTransfers.startUpload(client, contractId, period);
      try (ResourceTransfers.Upload sink = new ResourceTransfers.Upload(client, upload.upload());
          InputStream in = Files.newInputStream(file)) {
        if (encrypt) {
          PublicKey receiver = PublicKey.fromHex(contract.receiverKey());
          try (OutputStream sealed = SealedStream.seal(sink, receiver, new SecureRandom())) {
            in.transferTo(sealed);
          }
        } else {
          in.transferTo(sink);
        }
      } catch (IOException e) {
        throw CliException.failure("cannot upload " + file + ": " + e.getMessage());
      }
      Resources.StoredView stored = ResourceTransfers.finish(client, upload.upload());
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "stored %s (%d bytes%s) on %s%n",
          stored.hash(),
          stored.sizeBytes(),
          encrypt ? ", encrypted to the receiver" : "",
          client.base());
      Workflows.sendLifecycle(
          options,
          sign,
          new Lifecycle.BindResource(
              contractId, period, Hash.fromHex(stored.hash()), stored.sizeBytes(), encrypt),
          out);
      return 0;
    }
  }

  @Command(
      name = "fetch",
      mixinStandardHelpOptions = true,
      description = {
        "As the receiver (or another party), have your node fetch the resource bound to"
            + " installment PERIOD from the provider's node, check it against the hash bound on"
            + " chain, and write it to --out. Bytes that do not match are refused and nothing is"
            + " kept. An encrypted resource (competitive) is decrypted with your key."
      },
      footer = {"", "Example:  alliance resource fetch c-1 --period 0 --out patents.tar"})
  static final class Fetch implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "CONTRACT")
    String contractId;

    @Option(
        names = "--period",
        defaultValue = "0",
        paramLabel = "N",
        description = "installment period, from 0 (default 0)")
    int period;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write")
    Path outFile;

    @Option(
        names = "--timeout",
        defaultValue = "10m",
        paramLabel = "DURATION",
        description = "give up waiting after this long (default 10m)")
    String timeout;

    @Option(
        names = "--passphrase-file",
        paramLabel = "FILE",
        description = "key passphrase, to decrypt (default: $ALLIANCE_PASSPHRASE)")
    Path passphraseFile;

    @Override
    public Integer call() {
      Workflows.checkId(contractId, "contract id");
      checkPeriod(period);
      long timeoutSeconds = Workflows.seconds(timeout, "--timeout");
      NodeClient client = options.client();
      Resources.FetchView fetched = awaitFetch(client, timeoutSeconds);
      Resources.StoredView stored =
          client.get("/resources/" + fetched.hash(), Resources.StoredView.class);
      write(client, fetched, stored);
      spec.commandLine()
          .getOut()
          .printf(
              "fetched %s period %d from %s: %d bytes, sha256 %s matches the chain%s -> %s%n",
              contractId,
              period,
              fetched.provider(),
              fetched.sizeBytes(),
              fetched.hash(),
              fetched.encrypted() ? ", decrypted" : "",
              outFile);
      return 0;
    }

    private Resources.FetchView awaitFetch(NodeClient client, long timeoutSeconds) {
      Resources.FetchView v =
          client.post(
              "/resources/fetches",
              Map.of("contractId", contractId, "period", period),
              Resources.FetchView.class);
      long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
      while (v.state().equals("running")) {
        if (System.nanoTime() > deadline) {
          throw CliException.failure(
              "the fetch is still running after " + timeout + " (" + v.receivedBytes() + " bytes)");
        }
        try {
          Thread.sleep(200); // polling interval, bounded by the deadline
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw CliException.failure("interrupted");
        }
        v =
            client.get(
                "/resources/fetches/" + contractId + "/" + period, Resources.FetchView.class);
      }
      if (v.state().equals("failed")) {
        throw CliException.failure("fetch refused, nothing kept: " + v.error());
      }
      return v;
    }

    /** Streams the checked resource to a temporary file beside --out, then moves it there. */
    private void write(
        NodeClient client, Resources.FetchView fetched, Resources.StoredView stored) {
      Path absolute = outFile.toAbsolutePath();
      Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
      MessageDigest digest = Sha256.newDigest();
      try (InputStream chunks =
              new DigestInputStream(
                  new ResourceTransfers.Download(client, stored.hash(), stored.chunks()), digest);
          InputStream plain =
              fetched.encrypted()
                  ? SealedStream.open(
                      chunks, new TxSender(options).key(Optional.ofNullable(passphraseFile)))
                  : chunks;
          OutputStream out = Files.newOutputStream(partial)) {
        plain.transferTo(out);
      } catch (IOException e) {
        deleteQuietly(partial);
        throw CliException.failure("cannot write " + outFile + ": " + e.getMessage());
      }
      // end to end: what came from the node is what the chain names
      if (!Hash.of(digest.digest()).equals(Hash.fromHex(fetched.hash()))) {
        deleteQuietly(partial);
        throw CliException.failure("the node served bytes that do not match " + fetched.hash());
      }
      try {
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw CliException.failure("cannot write " + outFile + ": " + e.getMessage());
      }
    }

    private static void deleteQuietly(Path file) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // the error being reported matters more than the leftover
      }
    }
  }

  @Command(
      name = "ack",
      mixinStandardHelpOptions = true,
      description = {
        "As the receiver, acknowledge that installment PERIOD's resource arrived and checked out:"
            + " this makes resources(transferred) true for that period, and the contract pays.",
        "If a resource is bound on chain to that period, your node must hold it (fetched and"
            + " checked with 'resource fetch') first.",
        "--metadata reports the resource's measured properties for quality rules (M-20)."
      },
      footer = {"", "Example:  alliance resource ack c-1 --period 0 --metadata patent_value=1200"})
  static final class Ack implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Parameters(paramLabel = "CONTRACT")
    String contractId;

    @Option(
        names = "--period",
        defaultValue = "0",
        paramLabel = "N",
        description = "installment period, from 0 (default 0)")
    int period;

    @Option(names = "--metadata", paramLabel = "KEY=VALUE")
    Map<String, Long> metadata = new TreeMap<>();

    @Override
    public Integer call() {
      Workflows.checkId(contractId, "contract id");
      checkPeriod(period);
      for (Resources.BoundView r : bound(options.client(), contractId).resources()) {
        if (r.period() == period && !r.heldHere()) {
          throw CliException.failure(
              "resource_not_fetched: the resource bound to "
                  + contractId
                  + " period "
                  + period
                  + " is not on this node; run 'alliance resource fetch "
                  + contractId
                  + " --period "
                  + period
                  + " --out FILE' first");
        }
      }
      Workflows.sendLifecycle(
          options,
          sign,
          new Lifecycle.AckTransfer(contractId, period, new TreeMap<>(metadata)),
          spec.commandLine().getOut());
      return 0;
    }
  }
}
