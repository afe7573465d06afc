// `npm run start:desktop`: sideloads the manifest into desktop Excel through office-addin-debugging (Windows and
// macOS). Elsewhere there is no desktop Excel, and it says so instead of pretending.

import { spawn } from "node:child_process";
import { createRequire } from "node:module";

if (process.platform !== "win32" && process.platform !== "darwin") {
  console.error(
    `桌面版 Excel 只在 Windows 和 macOS 上可用（本机：${process.platform}）。\n` +
      "请运行 npm run start:https，然后在 Excel 网页版中通过“上传我的加载项”加载 https://localhost:8787/manifest.xml。",
  );
  process.exit(1);
}

const cli = createRequire(import.meta.url).resolve("office-addin-debugging/cli.js");
const child = spawn(process.execPath, [cli, "start", "manifest.xml", "desktop", "--app", "excel", "--dev-server", "npm run start:https", "--dev-server-port", process.env.PORT ?? "8787"], {
  stdio: "inherit",
});
child.on("exit", (code) => process.exit(code ?? 0));
