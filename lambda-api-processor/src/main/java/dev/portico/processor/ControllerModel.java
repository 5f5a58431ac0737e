package dev.portico.processor;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * A controller class whose routes were checked and can be generated.
 *
 * @param type the controller
 * @param packageName its package, where the generated class goes
 * @param generatedName the generated class's simple name, e.g. {@code Outer_Inner_Routes}
 * @param routes the annotated methods in declaration order
 * @param jsonWriters the records routes return that get a build-time JSON writer, with the writer
 *     class names, in the order found
 * @param jsonReaders the {@code @Body} records that get a build-time JSON reader, with the reader
 *     class names, in the order found
 * @param validation the routes' build-time validation, {@link ValidationModel#NONE} without any
 *     constraint
 */
record ControllerModel(
    TypeElement type,
    String packageName,
    String generatedName,
    List<RouteModel> routes,
    Map<TypeElement, String> jsonWriters,
    Map<TypeElement, String> jsonReaders,
    ValidationModel validation) {}
