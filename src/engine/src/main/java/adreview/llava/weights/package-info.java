/**
 * Reading (and, for benchmarks, writing) safetensors weights: memory-mapped per tensor, never through the
 * Java heap, handed to DJL as direct buffers. Depends on nothing else in the engine.
 */
package adreview.llava.weights;
