// Localhost certificates for the https variant (Office only loads add-in pages over https), made offline by
// office-addin-dev-certs in its usual folder. Trusting its CA needs administrator rights; the README explains.

import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export async function devCertificates(): Promise<{ keyPath: string; certPath: string }> {
  const require = createRequire(import.meta.url);
  const certs = require("office-addin-dev-certs") as { ensureCertificatesAreInstalled(days?: number): Promise<void> };
  const dir = join(homedir(), ".office-addin-dev-certs");
  const certPath = join(dir, "localhost.crt");
  const keyPath = join(dir, "localhost.key");
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    try {
      await certs.ensureCertificatesAreInstalled();
    } catch (err) {
      console.warn(`证书未能加入系统信任（需要管理员权限）：${(err as Error).message}`);
    }
  }
  if (!existsSync(certPath) || !existsSync(keyPath)) throw new Error(`无法在 ${dir} 生成本机 https 证书`);
  return { keyPath, certPath };
}
