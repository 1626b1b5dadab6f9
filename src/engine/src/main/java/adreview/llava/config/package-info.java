/**
 * The model's shape as {@code config.json} describes it, in both the sparse hub form (defaults from LlamaConfig
 * and CLIPVisionConfig) and the full transformers-5 form. Plain records; no DJL.
 */
package adreview.llava.config;
