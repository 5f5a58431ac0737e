package dev.portico.api.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.portico.api.RouteProvider;
import dev.portico.api.processor.Outer.Inner;
import java.lang.reflect.Modifier;
import javax.annotation.processing.Generated;
import org.junit.jupiter.api.Test;

/**
 * The route tables that the real build's annotation processor generated for this package's
 * controllers, registered the way the runtime does: {@code new XController_Routes(controller)
 * .register(registry)}.
 */
class GeneratedRoutesTest {

  @Test
  void everyAnnotatedMethodBecomesOneRoutePerHttpMethod() {
    RecordingRegistry registry = new RecordingRegistry();
    new BindingController_Routes(new BindingController()).register(registry);

    String json = "[application/json, application/*+json]";
    assertThat(registry.table())
        .containsExactly(
            "GET /bind/path/{id}/{day}/{color} -> BindingController.path(long id, LocalDate day,"
                + " Color color) [] null",
            "GET /bind/query -> BindingController.query(String q, int limit, List<String> tags,"
                + " Optional<UUID> id, Integer maybe, BigDecimal price) [] null",
            "GET /bind/headers -> BindingController.headers(int count, List<String> multi, String"
                + " session, String env) [] null",
            "GET /bind/auth -> BindingController.auth(String principal, String email, long"
                + " tenant, Authorization authorization, Request request, Context context) []"
                + " null",
            "GET /bind/raw -> BindingController.raw(APIGatewayProxyRequestEvent event) [] null",
            "POST /bind/json -> BindingController.json(Pet pet) " + json + " null",
            "POST /bind/list -> BindingController.list(List<Pet> pets) " + json + " null",
            "POST /bind/map -> BindingController.map(Map<String, Integer> counts) "
                + json
                + " null",
            "POST /bind/text -> BindingController.text(String text) [text/*] text/plain",
            "PUT /bind/bytes -> BindingController.bytes(byte[] bytes) [] null",
            "POST /bind/optional -> BindingController.optional(Optional<Pet> pet) "
                + json
                + " null",
            "POST /bind/nullable -> BindingController.nullable(Pet pet) " + json + " null",
            "DELETE /bind/{id} -> BindingController.remove(long id) [] null",
            "GET /bind/static -> BindingController.ping() [] null",
            "HEAD /bind/static -> BindingController.ping() [] null",
            "GET /bind/custom/{code} -> BindingController.custom(Code code) [] null",
            "ANY /bind/any/{rest+} -> BindingController.any(String rest, Request request) [] null",
            "POST /bind/overloaded/{id} -> BindingController.overloaded(long id, Pet pet) "
                + json
                + " null");
    assertThat(registry.routes).allSatisfy(route -> assertThat(route.interceptors()).isEmpty());
  }

  @Test
  void parametersAreBoundOnceAtRegistrationWithTheirSourceNameTypeAndDefault() {
    RecordingRegistry registry = new RecordingRegistry();
    new BindingController_Routes(new BindingController()).register(registry);

    assertThat(registry.paramsOf("BindingController.path(long id, LocalDate day, Color color)"))
        .containsExactly("PATH id long", "PATH day LocalDate", "PATH color Color");
    assertThat(
            registry.paramsOf(
                "BindingController.query(String q, int limit, List<String> tags, Optional<UUID>"
                    + " id, Integer maybe, BigDecimal price)"))
        .containsExactly(
            "QUERY q String",
            "QUERY limit int default=20",
            "QUERY tag String optional",
            "QUERY id UUID optional",
            "QUERY maybe Integer optional",
            "QUERY price BigDecimal default=9.99");
    assertThat(
            registry.paramsOf(
                "BindingController.headers(int count, List<String> multi, String session, String"
                    + " env)"))
        .containsExactly(
            "HEADER X-Count int",
            "HEADER x-multi String optional",
            "COOKIE session String",
            "STAGE_VARIABLE env String default=dev");
    assertThat(
            registry.paramsOf(
                "BindingController.auth(String principal, String email, long tenant,"
                    + " Authorization authorization, Request request, Context context)"))
        .containsExactly(
            "PRINCIPAL principal String", "CLAIM email String", "AUTHORIZER tenant long");
    assertThat(registry.paramsOf("BindingController.json(Pet pet)")).isEmpty();
    assertThat(registry.params).hasSize(20);
  }

  @Test
  void nestedAndAbstractControllersGetOuterQualifiedNames() {
    RecordingRegistry registry = new RecordingRegistry();
    new Outer_Inner_Routes(new Inner()).register(registry);
    new Outer_Base_Routes(new Outer.Concrete()).register(registry);

    assertThat(registry.table())
        .containsExactly(
            "GET /nested/{name} -> Outer.Inner.hello(String name) [] null",
            "GET /base -> Outer.Base.who() [] null");
  }

  @Test
  void subclassesOfAGenericBaseServeItsRoutesWithTheTypeArgumentResolved() {
    RecordingRegistry registry = new RecordingRegistry();
    new PetCrudController_Routes(new PetCrudController()).register(registry);

    assertThat(registry.table())
        .containsExactly(
            "GET /pets/{index} -> PetCrudController.get(int index) [] null",
            "POST /pets -> PetCrudController.create(Pet item) [application/json,"
                + " application/*+json] null",
            "GET /pets -> PetCrudController.list(int limit) [] null",
            "GET /pets/count -> PetCrudController.count() [] null");
    assertThat(registry.paramsOf("PetCrudController.list(int limit)"))
        .containsExactly("QUERY limit int default=5");
  }

  @Test
  void genericBaseClassesGetNoRoutesOfTheirOwn() {
    assertThat(
            GeneratedRoutesTest.class
                .getClassLoader()
                .getResource("dev/portico/api/processor/CrudController_Routes.class"))
        .isNull();
  }

  @Test
  void generatedClassesArePublicFinalGeneratedRouteProviders() throws Exception {
    for (Class<?> type :
        new Class<?>[] {
          BindingController_Routes.class,
          Outer_Inner_Routes.class,
          Outer_Base_Routes.class,
          PetCrudController_Routes.class
        }) {
      assertThat(RouteProvider.class).isAssignableFrom(type);
      assertThat(Modifier.isPublic(type.getModifiers())).isTrue();
      assertThat(Modifier.isFinal(type.getModifiers())).isTrue();
      assertThat(type.getDeclaredConstructors()).hasSize(1);
      assertThat(Modifier.isPublic(type.getDeclaredConstructors()[0].getModifiers())).isTrue();
    }
    // @Generated has source retention: it is checked in the golden file instead.
    assertThat(Generated.class.getAnnotation(java.lang.annotation.Retention.class).value())
        .isEqualTo(java.lang.annotation.RetentionPolicy.SOURCE);
  }

  @Test
  void aNullControllerIsRejected() {
    assertThatNullPointerException()
        .isThrownBy(() -> new BindingController_Routes(null))
        .withMessage("controller");
  }
}
