/** Profiling experiments: variants that isolate one cost of the Portico cold start. */
package dev.portico.benchmarks.experiments;
