/**
 * Engine benchmarks: random-weight checkpoints of a chosen shape written as safetensors, and the measurements of
 * load, vision + prefill, decode and the matrix-vector floor through the same engine. Used by the CLI's bench command.
 */
package adreview.llava.bench;
