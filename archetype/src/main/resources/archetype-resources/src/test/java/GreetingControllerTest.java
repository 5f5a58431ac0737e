package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.portico.api.Response;
import dev.portico.api.UnprocessableEntityException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentMatchers;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** The controller alone, its store mocked: the place for business rules. */
@ExtendWith(MockitoExtension.class)
class GreetingControllerTest {
  @Mock GreetingStore store;

  @Test
  void getAnswersTheSavedGreetingOrADefault() {
    when(store.find("ada")).thenReturn(Optional.of(new Greeting("ada", "Hi there")));
    when(store.find("bob")).thenReturn(Optional.empty());
    GreetingController controller = new GreetingController(store);

    assertThat(controller.get("ada")).isEqualTo(new Greeting("ada", "Hi there"));
    assertThat(controller.get("bob")).isEqualTo(new Greeting("bob", "Hello, bob"));
  }

  @Test
  void postSavesTheGreetingAndAnswers201WithItsLocation() {
    Response<Greeting> response =
        new GreetingController(store).create(new NewGreeting("ada", "Hi there"));

    verify(store).save(new Greeting("ada", "Hi there"));
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("Location")).isEqualTo("/greetings/ada");
    assertThat(response.body()).isEqualTo(new Greeting("ada", "Hi there"));
  }

  @Test
  void anInvalidBodyIsA422ProblemAndNothingIsSaved() {
    GreetingController controller = new GreetingController(store);

    assertThatThrownBy(() -> controller.create(new NewGreeting("no spaces", "Hi")))
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e ->
                assertThat(e.problem().detail())
                    .isEqualTo("name is required: 1 to 64 letters, digits, '-' or '_'"));
    assertThatThrownBy(() -> controller.create(new NewGreeting("ada", " ")))
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e ->
                assertThat(e.problem().detail())
                    .isEqualTo("message is required: 1 to 280 characters"));
    verify(store, never()).save(ArgumentMatchers.any());
  }
}
