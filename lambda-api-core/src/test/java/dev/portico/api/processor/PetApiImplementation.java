package dev.portico.api.processor;

/** Implements {@link PetApi}; its routes come from the interface. */
public final class PetApiImplementation implements PetApi {
  @Override
  public String get(long id) {
    return "pet " + id;
  }
}
