/** The Portico variant: the petstore routes as an annotated controller. */
package dev.portico.benchmarks.portico;
