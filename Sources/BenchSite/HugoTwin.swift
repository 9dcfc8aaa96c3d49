// The Hugo twin of a synthetic site: the same project files, read by Hugo, with layouts that lay out the same
// pages (a goal sheet per project, a self-evaluation sheet per evaluated project, each unit's 公开表 with its
// 合计 and its two booklets, the year and home pages), each in HTML and in Markdown, as jixiao does. A fair
// peer for the benchmark: Hugo reads the same front matter and renders the same tables, without scoring (the
// layouts show the written scores) and without office files.
import Foundation

enum HugoTwin {
    /// Writes `<folder>/hugo/`: a copy of `content` as Hugo content (`_unit.md` as the unit's `_index.md`, a
    /// page for each self-evaluation and booklet, which take their data from the project pages), its
    /// config and its layouts.
    static func write(content: URL, into folder: URL) throws {
        let fileManager = FileManager.default
        let hugo = folder.appendingPathComponent("hugo")
        if fileManager.fileExists(atPath: hugo.path) { try fileManager.removeItem(at: hugo) }
        let target = hugo.appendingPathComponent("content")
        for year in try fileManager.contentsOfDirectory(atPath: content.path).sorted() where Int(year) != nil {
            let yearFolder = target.appendingPathComponent(year)
            try fileManager.createDirectory(at: yearFolder, withIntermediateDirectories: true)
            BenchSite.write("---\ntitle: \"\(year)年度\"\n---\n", to: yearFolder.appendingPathComponent("_index.md"))
            for unit in try fileManager.contentsOfDirectory(atPath: content.appendingPathComponent(year).path).sorted() {
                let source = content.appendingPathComponent(year).appendingPathComponent(unit)
                let unitFolder = yearFolder.appendingPathComponent(unit)
                try fileManager.createDirectory(at: unitFolder, withIntermediateDirectories: true)
                for file in try fileManager.contentsOfDirectory(atPath: source.path).sorted() where file.hasSuffix(".md") {
                    let text = try String(contentsOf: source.appendingPathComponent(file), encoding: .utf8)
                    if file == "_unit.md" {
                        BenchSite.write(text, to: unitFolder.appendingPathComponent("_index.md"))
                        continue
                    }
                    BenchSite.write(text, to: unitFolder.appendingPathComponent(file))
                    let code = String(file.dropLast(3))
                    if text.contains("spent:") {
                        BenchSite.write("---\ntype: selfeval\nproject: \"/\(year)/\(unit)/\(code)\"\nurl: \"/\(year)/\(unit)/\(code)/self-evaluation/\"\n---\n",
                                        to: unitFolder.appendingPathComponent(code + "-self-evaluation.md"))
                    }
                }
                for (slug, kind) in [("goal-tables", "goal"), ("self-evaluations", "self")] {
                    BenchSite.write("---\ntype: booklet\nkind: \(kind)\nurl: \"/\(year)/\(unit)/\(slug)/\"\n---\n", to: unitFolder.appendingPathComponent(slug + ".md"))
                }
            }
        }
        BenchSite.write(config, to: hugo.appendingPathComponent("config.yaml"))
        for (path, text) in layouts {
            let url = hugo.appendingPathComponent("layouts").appendingPathComponent(path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            BenchSite.write(text, to: url)
        }
    }

    static let config = """
    baseURL: /
    title: 预算项目支出绩效信息公开（基准测试）
    languageCode: zh-CN
    disableKinds: [RSS, taxonomy, term]
    mediaTypes:
      text/markdown:
        suffixes: [md]
    outputFormats:
      md:
        mediaType: text/markdown
        baseName: index
        isPlainText: true
        notAlternative: true
    outputs:
      home: [html, md]
      section: [html, md]
      page: [html, md]
    markup:
      goldmark:
        renderer:
          unsafe: false

    """

    /// The layouts, by path under layouts/.
    static let layouts: [(String, String)] = [
        ("_default/baseof.html", """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{ block "title" . }}{{ .Title }}{{ end }} - {{ site.Title }}</title><link rel="stylesheet" href="/style.css"></head>
        <body><a class="skip-link" href="#main">跳到正文</a><header class="site-header"><a href="/">{{ site.Title }}</a></header>
        <nav class="breadcrumbs">{{ range .Ancestors.Reverse }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> › {{ end }}</nav>
        <main id="main">{{ block "main" . }}{{ end }}</main>
        <footer class="site-footer"><p>{{ site.Title }}</p><p><a href="{{ .RelPermalink }}index.md">本页 Markdown 版本</a></p></footer></body></html>
        """),
        ("index.html", """
        {{ define "main" }}<h1>{{ site.Title }}</h1><ul class="years">{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>（{{ len .Sections }}个单位）</li>{{ end }}</ul>{{ end }}
        """),
        ("index.md.md", """
        # {{ site.Title }}
        {{ range site.Sections }}
        - [{{ .Title }}]({{ .RelPermalink }})（{{ len .Sections }}个单位）{{ end }}
        """),
        ("_default/list.html", """
        {{ define "title" }}{{ with .Params.name }}{{ . }}{{ else }}{{ .Title }}{{ end }}{{ end }}
        {{ define "main" }}{{ if .Params.name }}{{ partial "disclosure.html" . }}{{ else }}
        <h1>{{ .Title }}</h1><table><thead><tr><th scope="col">单位</th><th scope="col">项目数</th></tr></thead><tbody>
        {{ range .Sections }}<tr><td><a href="{{ .RelPermalink }}">{{ .Params.name }}</a></td><td>{{ len (where .RegularPages "Params.code" "!=" nil) }}</td></tr>{{ end }}
        </tbody></table>{{ end }}{{ end }}
        """),
        ("_default/list.md.md", """
        {{ if .Params.name }}# {{ .Params.name }}项目支出绩效目标公开表

        | 项目名称 | 项目编码 | 资金总额 |
        |---|---|---|{{ range where .RegularPages "Params.code" "!=" nil }}
        | [{{ .Params.name }}]({{ .RelPermalink }}) | {{ .Params.code }} | {{ partial "amount.html" . }} |{{ end }}
        {{ else }}# {{ .Title }}
        {{ range .Sections }}
        - [{{ .Params.name }}]({{ .RelPermalink }}){{ end }}{{ end }}
        """),
        ("_default/single.html", """
        {{ define "title" }}{{ .Params.name }}项目绩效目标表{{ end }}
        {{ define "main" }}{{ partial "goal-sheet.html" . }}{{ end }}
        """),
        ("_default/single.md.md", """
        {{ partial "goal-sheet.md" . }}
        """),
        ("selfeval/single.html", """
        {{ define "title" }}{{ (site.GetPage .Params.project).Params.name }}项目绩效自评表{{ end }}
        {{ define "main" }}{{ partial "self-sheet.html" (site.GetPage .Params.project) }}{{ end }}
        """),
        ("selfeval/single.md.md", """
        {{ partial "self-sheet.md" (site.GetPage .Params.project) }}
        """),
        ("booklet/single.html", """
        {{ define "title" }}{{ .Parent.Params.name }}{{ if eq .Params.kind "goal" }}绩效目标表{{ else }}绩效自评表{{ end }}{{ end }}
        {{ define "main" }}{{ $kind := .Params.kind }}{{ range where .Parent.RegularPages "Params.code" "!=" nil }}
        {{ if eq $kind "goal" }}{{ partial "goal-sheet.html" . }}{{ else if reflect.IsMap .Params.funds.fiscal }}{{ partial "self-sheet.html" . }}{{ end }}{{ end }}{{ end }}
        """),
        ("booklet/single.md.md", """
        {{ $kind := .Params.kind }}{{ range where .Parent.RegularPages "Params.code" "!=" nil }}
        {{ if eq $kind "goal" }}{{ partial "goal-sheet.md" . }}{{ else if reflect.IsMap .Params.funds.fiscal }}{{ partial "self-sheet.md" . }}{{ end }}{{ end }}
        """),
        ("partials/amount.html", """
        {{ $f := .Params.funds }}{{ $sum := 0.0 }}{{ range $k, $v := $f }}{{ if reflect.IsMap $v }}{{ $sum = add $sum (float $v.initial) }}{{ else }}{{ $sum = add $sum (float $v) }}{{ end }}{{ end }}{{ return $sum }}
        """),
        ("partials/disclosure.html", """
        <h1>{{ .Params.name }}项目支出绩效目标公开表</h1><p>单位：{{ .Params.money_unit }}</p>
        <table><thead><tr><th scope="col">项目名称</th><th scope="col">项目编码</th><th scope="col">资金总额</th><th scope="col">年度目标</th></tr></thead><tbody>
        {{ $total := 0.0 }}{{ range where .RegularPages "Params.code" "!=" nil }}{{ $amount := partial "amount.html" . }}{{ $total = add $total $amount }}
        <tr><th scope="row"><a href="{{ .RelPermalink }}">{{ .Params.name }}</a></th><td>{{ .Params.code }}</td><td class="num">{{ lang.FormatNumber 2 $amount }}</td><td>{{ .Params.goal }}</td></tr>{{ end }}
        </tbody><tfoot><tr><th scope="row">合计</th><td></td><td class="num">{{ lang.FormatNumber 2 $total }}</td><td>{{ with .Params.total }}公开合计 {{ lang.FormatNumber 2 . }}{{ end }}</td></tr></tfoot></table>
        <p><a href="goal-tables/">绩效目标表</a> <a href="self-evaluations/">绩效自评表</a></p>{{ .Content }}
        """),
        ("partials/goal-sheet.html", """
        <section class="sheet"><h2>{{ .Params.name }}项目绩效目标表</h2>
        <table class="sheet-head"><tr><th scope="row">项目名称</th><td colspan="3">{{ .Params.name }}</td></tr>
        <tr><th scope="row">项目编码</th><td>{{ .Params.code }}</td><th scope="row">项目类别</th><td>{{ .Params.category }}</td></tr>
        <tr><th scope="row">主管部门</th><td>{{ .Params.department }}</td><th scope="row">实施单位</th><td>{{ .Params.implementer }}</td></tr>
        <tr><th scope="row">资金总额</th><td colspan="3">{{ lang.FormatNumber 2 (partial "amount.html" .) }}</td></tr>
        <tr><th scope="row">年度目标</th><td colspan="3">{{ .Params.goal }}</td></tr></table>
        <table class="indicators"><thead><tr><th scope="col">一级指标</th><th scope="col">二级指标</th><th scope="col">三级指标</th><th scope="col">指标值</th><th scope="col">计量单位</th><th scope="col">分值</th></tr></thead><tbody>
        {{ $inds := .Params.indicators }}{{ $l1 := "" }}{{ $l2 := "" }}{{ range $inds }}<tr>
        {{ if ne .level1 $l1 }}{{ $l1 = .level1 }}<th scope="rowgroup" rowspan="{{ len (where $inds "level1" .level1) }}">{{ .level1 }}</th>{{ end }}
        {{ if ne .level2 $l2 }}{{ $l2 = .level2 }}<th scope="rowgroup" rowspan="{{ len (where $inds "level2" .level2) }}">{{ .level2 }}</th>{{ end }}
        <td>{{ .name }}</td><td>{{ .target }}</td><td>{{ .unit }}</td><td class="num">{{ .weight }}</td></tr>{{ end }}
        </tbody></table><div class="notes">{{ .Content }}</div></section>
        """),
        ("partials/goal-sheet.md", """
        ## {{ .Params.name }}项目绩效目标表

        | 项目名称 | {{ .Params.name }} |
        |---|---|
        | 项目编码 | {{ .Params.code }} |
        | 资金总额 | {{ lang.FormatNumber 2 (partial "amount.html" .) }} |
        | 年度目标 | {{ .Params.goal }} |

        | 一级指标 | 二级指标 | 三级指标 | 指标值 | 计量单位 | 分值 |
        |---|---|---|---|---|---|{{ range .Params.indicators }}
        | {{ .level1 }} | {{ .level2 }} | {{ .name }} | {{ .target }} | {{ .unit }} | {{ .weight }} |{{ end }}

        {{ .RawContent }}
        """),
        ("partials/self-sheet.html", """
        {{ $fiscal := .Params.funds.fiscal }}{{ $rate := mul 100 (div (float $fiscal.spent) (float $fiscal.budget)) }}
        <section class="sheet"><h2>{{ .Params.name }}项目绩效自评表</h2>
        <table class="funds"><thead><tr><th scope="col">项目资金</th><th scope="col">年初预算数</th><th scope="col">全年预算数</th><th scope="col">全年执行数</th><th scope="col">分值</th><th scope="col">执行率</th></tr></thead>
        <tbody><tr><th scope="row">年度资金总额</th><td class="num">{{ lang.FormatNumber 2 $fiscal.initial }}</td><td class="num">{{ lang.FormatNumber 2 $fiscal.budget }}</td><td class="num">{{ lang.FormatNumber 2 $fiscal.spent }}</td><td class="num">{{ .Params.execution_weight }}</td><td class="num">{{ lang.FormatNumber 2 $rate }}%</td></tr></tbody></table>
        <table class="indicators"><thead><tr><th scope="col">一级指标</th><th scope="col">二级指标</th><th scope="col">三级指标</th><th scope="col">年度指标值</th><th scope="col">实际完成值</th><th scope="col">分值</th><th scope="col">得分</th><th scope="col">偏差原因分析及改进措施</th></tr></thead><tbody>
        {{ $inds := .Params.indicators }}{{ $l1 := "" }}{{ $l2 := "" }}{{ $total := 0.0 }}{{ range $inds }}{{ $score := .weight }}{{ with .score }}{{ $score = . }}{{ end }}{{ $total = add $total (float $score) }}<tr>
        {{ if ne .level1 $l1 }}{{ $l1 = .level1 }}<th scope="rowgroup" rowspan="{{ len (where $inds "level1" .level1) }}">{{ .level1 }}</th>{{ end }}
        {{ if ne .level2 $l2 }}{{ $l2 = .level2 }}<th scope="rowgroup" rowspan="{{ len (where $inds "level2" .level2) }}">{{ .level2 }}</th>{{ end }}
        <td>{{ .name }}</td><td>{{ .target }}</td><td>{{ .actual }}</td><td class="num">{{ .weight }}</td><td class="num">{{ $score }}</td><td>{{ .reason }}</td></tr>{{ end }}
        </tbody><tfoot><tr><th scope="row" colspan="6">总分</th><td class="num">{{ lang.FormatNumber 2 $total }}</td><td></td></tr></tfoot></table>
        <p>{{ .Params.outcome }}</p></section>
        """),
        ("partials/self-sheet.md", """
        {{ $fiscal := .Params.funds.fiscal }}## {{ .Params.name }}项目绩效自评表

        | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |
        |---|---|---|---|
        | {{ lang.FormatNumber 2 $fiscal.initial }} | {{ lang.FormatNumber 2 $fiscal.budget }} | {{ lang.FormatNumber 2 $fiscal.spent }} | {{ lang.FormatNumber 2 (mul 100 (div (float $fiscal.spent) (float $fiscal.budget))) }}% |

        | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |
        |---|---|---|---|---|---|---|---|{{ range .Params.indicators }}
        | {{ .level1 }} | {{ .level2 }} | {{ .name }} | {{ .target }} | {{ .actual }} | {{ .weight }} | {{ with .score }}{{ . }}{{ else }}{{ .weight }}{{ end }} | {{ .reason }} |{{ end }}
        """),
    ]
}
