package org.alliancechain.p2p.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The one place Jackson is configured: strict binding (no unknown fields, no missing or null
 * primitives, no "12" for 12), bounded nesting, and errors that name the field.
 */
public final class Json {
  public static final int NESTING_DEPTH_MAX = 32;

  private static final ObjectMapper MAPPER = create();

  private Json() {}

  private static ObjectMapper create() {
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(NESTING_DEPTH_MAX).build());
    for (LogicalType t :
        new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  public static <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new ApiException(
          400, "missing_body", "a JSON body is required", java.util.Optional.empty());
    }
    try {
      return MAPPER.readValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.badRequest("unknown_field", "unknown field", fieldOf(e));
    } catch (ValueInstantiationException e) {
      String detail = e.getCause() == null ? "invalid value" : e.getCause().getMessage();
      throw ApiException.badRequest("invalid_value", detail, fieldOf(e));
    } catch (JsonMappingException e) {
      throw ApiException.badRequest("invalid_field", e.getOriginalMessage(), fieldOf(e));
    } catch (JsonProcessingException e) {
      throw new ApiException(
          400, "malformed_json", e.getOriginalMessage(), java.util.Optional.empty());
    } catch (IOException e) {
      throw new ApiException(400, "malformed_json", e.getMessage(), java.util.Optional.empty());
    }
  }

  /** The dotted path of the field at fault, "$" for the document itself. */
  private static String fieldOf(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."));
    return path.isEmpty() ? "$" : path;
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      // Response types are ours; one that cannot be serialized is a bug.
      throw new AssertionError("cannot serialize " + value.getClass(), e);
    }
  }
}
