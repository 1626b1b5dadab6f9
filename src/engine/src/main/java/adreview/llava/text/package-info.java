/**
 * Text side of LLaVA-1.5: the model folder's {@code tokenizer.json} through DJL's Hugging Face tokenizer (no
 * truncation, no padding, {@code <image>} and {@code <pad>} as special tokens) and an incremental decoder for
 * streaming generated text. Depends only on DJL's tokenizer and Jackson.
 */
package adreview.llava.text;
