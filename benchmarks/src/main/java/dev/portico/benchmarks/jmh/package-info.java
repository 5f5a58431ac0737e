/** JMH benchmarks of warm overhead: handlers, routing and authorizers. */
package dev.portico.benchmarks.jmh;
