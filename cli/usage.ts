// What each command takes, in Chinese, and the error a user's mistake becomes: one line on stderr (with the
// command's own usage when the mistake was in the arguments), exit status 2.

export class UsageError extends Error {
  /** `usage`: the command's usage, printed under the one-line message when the arguments were wrong */
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

export const EXIT_CODES = "退出码：0 未发现错误；1 有错误，或文件夹中有文件无法读取；2 参数有误，或没有任何文件能够核对。";

/** One entry per command, in the order the help lists them. */
export const USAGE: Record<string, string> = {
  check: `用法：juesuan check 工作簿.xlsx|决算公开.pdf|文件夹|多个文件 [--text 情况说明.txt|.docx|.pdf] [选项]
      核对九张公开表（表内、表间关系和科目名称）；给出 --text 时同时核对情况说明（可不给工作簿，只核对文字）。
      已发布的 PDF：读出其中的表和情况说明一并核对，问题定位到页、表、行、列，并列出各表所在页码和未能读取的表格。
      一个工作簿：输出核对结果（--format json 为 JSON）。
      文件夹或多个文件：默认每个工作簿一行 JSON（JSON Lines，按文件名顺序）；--format text 每个文件一行摘要；
      不能核对的文件逐个列出原因；在终端中于 stderr 显示进度。
  选项：
      --year 年度        报告年度（2000–2100），与工作簿中的年度不同时会提示
      --format text|json 输出格式（一个工作簿默认 text，文件夹默认 json）
      --all              逐条列出提示（如四舍五入尾差）
      --template 模板    按地方模板核对（central-2021、shanghai-2024）
      --threads N        核对文件夹时的线程数（默认每个空闲的 CPU 核一个；文件少时只用主线程）
      --report 文件      另存核对报告：公文样式的 .docx，或“审核结果”工作簿 .xlsx（只用于一个工作簿或一份情况说明）
      --mark 文件.xlsx   另存标出错误的工作簿副本：错误单元格填色并加批注，另附链接到单元格的“审核结果”表
      --force            覆盖已有的 --report / --mark 文件（被核对的工作簿永不改动）
  ${EXIT_CODES}`,
  narrative: `用法：juesuan narrative 工作簿.xlsx [--out 情况说明.txt|.docx] [--force] [--template 模板] [--year 年度]
      由公开表和“补充资料”工作表生成情况说明，原因等处留【待填写】；不给 --out 时输出到屏幕。
      未给 --template 时按报告年度选用内置模板读取“补充资料”。已有的 --out 文件须加 --force 才会覆盖。`,
  "codes import": `用法：juesuan codes import 文件.xlsx|文件.csv --year 年度 [--replace] [--out 输出.json] [--force]
      把财政部（或财政局）发布的科目表（含“科目编码”“科目名称”列，可有“说明”列）并入该年度的科目表
      （默认写入 data/codes/editions/年度.json）；只含部分科目时记为不完整。--replace 用它替换该年度同类科目表，
      并列出被去掉的科目。报告无法读取的行。`,
  new: `用法：juesuan new --template 模板 --year 年度 --out 公开表.xlsx [--force]
      生成空白的标准公开表工作簿（与加载项“新建公开表”相同的工作表）；文件已存在时需加 --force。`,
};

export function helpText(): string {
  return ["juesuan — 决算公开助手", "", ...Object.values(USAGE).flatMap((u) => [u, ""]), "juesuan --help | --version", "每个命令加 --help 查看其用法，如 juesuan check --help。"].join("\n");
}

/**
 * A reader's message as the clerk should see it: a library's English reason in the closing brackets
 * ("不是有效的 .xlsx 文件（End of data reached）") becomes a Chinese one.
 */
export function chineseEnding(message: string): string {
  const m = /^(.*)（([^（）]*)）$/.exec(message);
  if (!m || /[\u4e00-\u9fff]/.test(m[2]!)) return message;
  return `${m[1]}（文件可能已损坏，或不是 Excel 保存的工作簿）`;
}
