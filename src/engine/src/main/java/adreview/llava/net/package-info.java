/**
 * The LLaVA-1.5 network on DJL's PyTorch engine: CLIP vision tower, projector and LLaMA decoder with its KV cache,
 * built from memory-mapped safetensors. Knows nothing of prompts, tokenizers or generation policy.
 */
package adreview.llava.net;
