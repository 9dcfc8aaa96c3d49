import JixiaoTemplates

/// The search page: Pagefind's interface over the index `build` writes into `pagefind/`, started with the
/// words of the search box (`?q=`).
struct SearchPageView: TemplateView {
    let base: String

    var fields: TemplateFields { ["pagefindURL": .text(base + "pagefind/")] }
}
