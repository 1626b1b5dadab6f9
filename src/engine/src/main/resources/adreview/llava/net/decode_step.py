class DecodeStep(Module):
  __parameters__ = []
  __buffers__ = []
  training : bool
  def forward(self: __torch__.DecodeStep, token: int, pos: int, emb: Tensor, norms: List[Tensor],
      weights: List[Tensor], scales: List[Tensor], caches: List[Tensor], cos: Tensor, sin: Tensor,
      ident: Tensor, rot_half: Tensor, rotations: Tensor, heads: int, kv: int, hd: int, inter: int,
      eps: float) -> Tuple[Tensor, Tensor]:
    hidden = emb.size(1)
    n = heads + 2 * kv
    rotations[0:heads + kv] = ident * cos[pos:pos + 1] + rot_half * sin[pos:pos + 1]
    h = emb[token:token + 1]
    for i in range(len(caches)):
      x = torch.rms_norm(h, [hidden], norms[2 * i], eps)
      qkv = torch.matmul(self.linear(x, weights, scales, 4 * i).view([n, 1, hd]), rotations)
      cache = caches[i]
      cache[:, pos:pos + 1] = qkv[heads:n]
      scores = torch.matmul(qkv[0:heads], cache[0:kv, 0:pos + 1].transpose(1, 2))
      attn = torch.matmul(torch.softmax(scores, -1), cache[kv:2 * kv, 0:pos + 1]).reshape([1, heads * hd])
      h = h + self.linear(attn, weights, scales, 4 * i + 1)
      gate_up = self.linear(torch.rms_norm(h, [hidden], norms[2 * i + 1], eps), weights, scales, 4 * i + 2)
      h = h + self.linear(torch.silu(gate_up[:, 0:inter]) * gate_up[:, inter:], weights, scales, 4 * i + 3)
    logits = self.linear(torch.rms_norm(h, [hidden], norms[len(norms) - 1], eps), weights, scales, len(weights) - 1)
    return (torch.argmax(logits), logits)
  def linear(self: __torch__.DecodeStep, x: Tensor, weights: List[Tensor], scales: List[Tensor], j: int) -> Tensor:
    w = weights[j]
    if len(scales) > 0:
      return torch.linear(x, w.to(x.dtype), None) * scales[j]
    if w.dtype != x.dtype:
      return torch.linear(x, w.to(x.dtype), None)
    return torch.linear(x, w, None)
