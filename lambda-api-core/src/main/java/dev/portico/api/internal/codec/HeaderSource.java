package dev.portico.api.internal.codec;

import dev.portico.api.Nullable;
import java.util.List;
import java.util.Map;

/** Where a {@link ParsedEvent}'s headers come from when they are first asked for. */
interface HeaderSource {

  /** An event without headers. */
  HeaderSource NONE =
      new HeaderSource() {
        @Override
        public Map<String, List<String>> all() {
          return Map.of();
        }

        @Override
        public @Nullable List<String> one(String name) {
          return null;
        }
      };

  /** Every header, by case-insensitive name. */
  Map<String, List<String>> all();

  /** One header's values, as {@code all().get(name)} would give them; {@code null} if absent. */
  @Nullable
  List<String> one(String name);
}
