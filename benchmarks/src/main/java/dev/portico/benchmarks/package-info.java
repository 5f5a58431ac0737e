/**
 * Benchmarks of Portico against a hand-written baseline: the same petstore routes in every variant,
 * a cold-start harness that starts a fresh JVM per run, and JMH benchmarks of warm overhead.
 * Nothing here is deployed; see docs/performance.md.
 */
package dev.portico.benchmarks;
