/** The Spring Boot 3 variant. */
package dev.portico.benchmarks.containers.springboot;
