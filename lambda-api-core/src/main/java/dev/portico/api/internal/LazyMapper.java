package dev.portico.api.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.type.ResolvedType;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Nullable;
import java.io.IOException;
import java.util.Iterator;

/**
 * The API's {@code ObjectMapper}, created on first need (a body without generated code, a request
 * tree, a user asking for it), and the jackson-core {@link JsonFactory} everything else uses. A
 * function whose routes all have generated code never loads jackson-databind for GETs and problems.
 *
 * <p>Portico's default mapper is created lazily; a mapper the user gave or customised exists from
 * build on ({@link #of}), and its own factory is used, so its configuration applies everywhere as
 * before. Thread-safe: the mapper is created once (double-checked under a lock).
 */
public final class LazyMapper {
  private final boolean porticoDefault;
  private final boolean lenient;
  private final JsonFactory factory;
  private volatile @Nullable ObjectMapper mapper;
  // Racing threads may each make one: equivalent, and either serves.
  private @Nullable ObjectCodec codec;

  private LazyMapper(
      boolean porticoDefault, boolean lenient, @Nullable ObjectMapper mapper, JsonFactory factory) {
    this.porticoDefault = porticoDefault;
    this.lenient = lenient;
    this.mapper = mapper;
    this.factory = factory;
  }

  /**
   * Portico's default mapper ({@link DefaultMappers#create}), made on first need. Its factory is a
   * plain {@code JsonFactory}, with the same (default) settings as the default mapper's and no
   * codec: a generator that may be asked to write an object it cannot write alone borrows one
   * ({@link #lendCodec}).
   */
  public static LazyMapper lazyDefault(boolean lenient) {
    return new LazyMapper(true, lenient, null, new JsonFactory());
  }

  /** An existing mapper (given or customised by the user), with its own factory. */
  public static LazyMapper of(ObjectMapper mapper) {
    return new LazyMapper(false, false, mapper, mapper.getFactory());
  }

  /**
   * Gives the generator, when it has none, a codec that hands values to the mapper, creating the
   * mapper only when a value is handed: for a generated writer that {@linkplain
   * dev.portico.api.runtime.JsonWriter#usesMapper may use it}. A generator of a given mapper's
   * factory has that mapper already.
   */
  public void lendCodec(JsonGenerator generator) {
    if (generator.getCodec() == null) {
      ObjectCodec lent = codec;
      if (lent == null) {
        // Made by Codec itself and typed ObjectCodec here: verifying this class loads neither.
        lent = Codec.lending(this);
        codec = lent;
      }
      generator.setCodec(lent);
    }
  }

  /** The factory for streaming reads and writes. */
  public JsonFactory factory() {
    return factory;
  }

  /** Whether this is Portico's default mapper, created on first need. */
  public boolean lazyDefault() {
    return porticoDefault;
  }

  /** Whether the mapper exists (tests). */
  boolean created() {
    return mapper != null;
  }

  /** The mapper, created now if it does not exist yet. */
  public ObjectMapper get() {
    ObjectMapper m = mapper;
    if (m == null) {
      synchronized (this) {
        m = mapper;
        if (m == null) {
          // Only the default mapper starts out null; a given one exists from construction.
          m = DefaultMappers.create(lenient);
          mapper = m;
        }
      }
    }
    return m;
  }

  /** The mapper's codec methods, creating the mapper on first use. */
  private static final class Codec extends ObjectCodec {
    private final LazyMapper lazy;

    private Codec(LazyMapper lazy) {
      this.lazy = lazy;
    }

    static ObjectCodec lending(LazyMapper lazy) {
      return new Codec(lazy);
    }

    @Override
    public Version version() {
      return lazy.get().version();
    }

    @Override
    public <T> T readValue(JsonParser p, Class<T> type) throws IOException {
      return lazy.get().readValue(p, type);
    }

    @Override
    public <T> T readValue(JsonParser p, TypeReference<T> type) throws IOException {
      return lazy.get().readValue(p, type);
    }

    @Override
    public <T> T readValue(JsonParser p, ResolvedType type) throws IOException {
      return lazy.get().readValue(p, type);
    }

    @Override
    public <T> Iterator<T> readValues(JsonParser p, Class<T> type) throws IOException {
      return lazy.get().readValues(p, type);
    }

    @Override
    public <T> Iterator<T> readValues(JsonParser p, TypeReference<T> type) throws IOException {
      return lazy.get().readValues(p, type);
    }

    @Override
    public <T> Iterator<T> readValues(JsonParser p, ResolvedType type) throws IOException {
      return lazy.get().readValues(p, type);
    }

    @Override
    public void writeValue(JsonGenerator g, Object value) throws IOException {
      lazy.get().writeValue(g, value);
    }

    @Override
    public <T extends TreeNode> T readTree(JsonParser p) throws IOException {
      return lazy.get().readTree(p);
    }

    @Override
    public void writeTree(JsonGenerator g, TreeNode tree) throws IOException {
      lazy.get().writeTree(g, tree);
    }

    @Override
    public TreeNode createObjectNode() {
      return lazy.get().createObjectNode();
    }

    @Override
    public TreeNode createArrayNode() {
      return lazy.get().createArrayNode();
    }

    @Override
    public JsonParser treeAsTokens(TreeNode tree) {
      return lazy.get().treeAsTokens(tree);
    }

    @Override
    public <T> T treeToValue(TreeNode tree, Class<T> type) throws JsonProcessingException {
      return lazy.get().treeToValue(tree, type);
    }

    @Override
    public JsonFactory getFactory() {
      return lazy.factory;
    }

    @Override
    @Deprecated
    public JsonFactory getJsonFactory() {
      return lazy.factory;
    }
  }
}
