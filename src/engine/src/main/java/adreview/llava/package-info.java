/**
 * The LLaVA-1.5 inference engine on DJL's PyTorch engine: model folder, safetensors, tokenizer, image processor, vision tower, projector, language model and generation. Knows nothing of the database or the UI.
 */
package adreview.llava;
