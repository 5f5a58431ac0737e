/** The Jersey variant. */
package dev.portico.benchmarks.containers.jersey;
