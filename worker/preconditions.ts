// Optimistic concurrency for publishing: a new document needs `If-None-Match: *`, a new version of an existing
// one `If-Match` with the ETag the editor last fetched; a stale ETag is 412, so nobody overwrites unseen work.

import type { Context } from "hono";
import { HttpError } from "./http-errors.ts";

const tags = (header: string) => header.match(/"[^"]*"/g)?.map((t) => t.replace(/^W\//, "")) ?? [];

export function checkPreconditions(c: Context, currentEtag: string | null, what: string): void {
  const ifMatch = c.req.header("If-Match");
  const ifNoneMatch = c.req.header("If-None-Match");
  if (currentEtag === null) {
    if (ifMatch && ifMatch !== "*") throw new HttpError(412, "precondition_failed", `${what}尚不存在，不能按 If-Match 更新；新建请用 If-None-Match: *`);
    if (ifMatch === "*") throw new HttpError(412, "precondition_failed", `${what}尚不存在`);
    if (ifNoneMatch !== "*") throw new HttpError(428, "precondition_required", `新建${what}需要请求头 If-None-Match: *`);
    return;
  }
  if (ifNoneMatch === "*") throw new HttpError(412, "precondition_failed", `${what}已存在；要发布新版本，请带上当前 ETag 作为 If-Match`);
  if (!ifMatch) throw new HttpError(428, "precondition_required", `发布${what}的新版本需要请求头 If-Match（当前 ETag：${currentEtag}）`);
  if (ifMatch !== "*" && !tags(ifMatch).includes(currentEtag)) {
    throw new HttpError(412, "precondition_failed", `${what}已被他人更新（当前 ETag：${currentEtag}），请重新获取后再发布`);
  }
}
