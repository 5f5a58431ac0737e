package dev.portico.benchmarks.containers.springboot;

import dev.portico.benchmarks.petstore.PetStore;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The Spring Boot 3 application, as in AWS's springboot3 sample: one controller, one bean. */
@SpringBootApplication
public class PetstoreApplication {
  /** The store, seeded with three pets. */
  @Bean
  public PetStore petStore() {
    return PetStore.seeded();
  }
}
