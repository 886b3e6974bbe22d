package org.alliancechain.contracts;

import org.alliancechain.core.Invariants;

/**
 * Every limit of the contracts module, in one place, each with its unit in its name. A contract is
 * untrusted input from a member, parsed and run by every validator, so each of these bounds the
 * work one contract can cause.
 */
public final class ContractLimits {
  private ContractLimits() {}

  /** A whole contract document, UTF-8 encoded. The paper's listings are about 1.3 KiB. */
  public static final int DOCUMENT_BYTES_MAX = 64 * 1024;

  /** Nesting depth of elements; the grammar needs 3 (smart_contract/parties/beneficiary). */
  public static final int ELEMENT_DEPTH_MAX = 8;

  /** Elements in one document, counting every start tag. */
  public static final int ELEMENT_COUNT_MAX = 512;

  /** Characters of text directly inside one element (after entity decoding). */
  public static final int TEXT_CHARS_MAX = 4096;

  /** Attributes on one element. */
  public static final int ATTRIBUTE_COUNT_MAX = 8;

  /** Characters of one attribute value. */
  public static final int ATTRIBUTE_VALUE_CHARS_MAX = 256;

  /** Errors collected for one document before the parser stops looking for more. */
  public static final int ERRORS_MAX = 32;

  /** Characters of a name, identifier, placeholder or contract id. */
  public static final int NAME_CHARS_MAX = 64;

  /** Beneficiaries in one contract. */
  public static final int BENEFICIARY_COUNT_MAX = 32;

  /** Terms (calls) in one expression element: a conjunction or a list of rules. */
  public static final int EXPRESSION_TERMS_MAX = 32;

  /** Arguments of one call. */
  public static final int CALL_ARGUMENTS_MAX = 34;

  /** Entries of the parameters block. */
  public static final int PARAMETER_COUNT_MAX = 64;

  /** Installments a payment may be spread over. */
  public static final int INSTALLMENT_COUNT_MAX = 366;

  /** Characters of an address (opaque here; node-core defines its real form). */
  public static final int ADDRESS_CHARS_MAX = 128;

  /** Default step budget for one execution of the interpreter (see docs/contracts.md). */
  public static final long INTERPRETER_STEPS_DEFAULT = 10_000;

  /** Offers on one request. */
  public static final int OFFER_COUNT_MAX = 256;

  /** UTF-8 bytes of a description or profile (request, offer). */
  public static final int DESCRIPTION_BYTES_MAX = 8 * 1024;

  /** UTF-8 bytes of an id, address or name in a sharing record. */
  public static final int RECORD_ID_BYTES_MAX = 128;

  /** Quality requirements on one request. */
  public static final int QUALITY_REQUIREMENTS_MAX = 16;

  /** Bytes of one encoded sharing record (request, offer, acceptance). */
  public static final int RECORD_BYTES_MAX = 16 * 1024;

  /** UTF-8 bytes of the reason stored with a contract's status (longer reasons are cut). */
  public static final int STATUS_REASON_BYTES_MAX = 1024;

  static {
    Invariants.check(ELEMENT_COUNT_MAX * 16 <= DOCUMENT_BYTES_MAX, "element count fits document");
    Invariants.check(TEXT_CHARS_MAX <= DOCUMENT_BYTES_MAX, "text fits document");
    Invariants.check(CALL_ARGUMENTS_MAX >= BENEFICIARY_COUNT_MAX + 1, "payment(all, share) fits");
    Invariants.check(ELEMENT_DEPTH_MAX >= 3, "grammar depth fits");
    Invariants.check(2 * DESCRIPTION_BYTES_MAX < RECORD_BYTES_MAX, "an offer fits a record");
    Invariants.check(QUALITY_REQUIREMENTS_MAX < EXPRESSION_TERMS_MAX, "requirements fit rules");
  }
}
