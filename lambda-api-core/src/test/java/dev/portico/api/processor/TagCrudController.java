package dev.portico.api.processor;

/** Extends the generic {@link CrudController} without any annotation; still gets routes. */
public final class TagCrudController extends CrudController<String> {
  @Override
  protected String kind() {
    return "tag";
  }
}
