/**
 * The LLaVA-1.5 network on DJL's PyTorch engine: CLIP vision tower, projector and LLaMA decoder with its KV cache,
 * built from memory-mapped safetensors, and its decode steps: libtorch op by op, one TorchScript call (a module
 * compiled from {@code decode_step.py} at load), or the CPU's Vector API kernel ({@link adreview.llava.cpu}). Knows
 * nothing of prompts, tokenizers or generation policy.
 */
package adreview.llava.net;
