/**
 * The hand-written baselines: no framework, one switch on method and path. {@link
 * dev.portico.benchmarks.baseline.BaselineHandler} uses Jackson's {@code ObjectMapper}; {@link
 * dev.portico.benchmarks.baseline.FloorHandler} uses jackson-core alone and is the floor.
 */
package dev.portico.benchmarks.baseline;
