/** The petstore domain (the Portico variant is the sample itself). */
package dev.portico.benchmarks.petstore;
