/** The hand-written baseline: no framework, one switch on method and path. */
package dev.portico.benchmarks.baseline;
