/**
 * The dashboard's server-built tables put unit names, typed by officials, into HTML: every value
 * must come out as text, in an element or an attribute, never as markup.
 */
import { escapeHtml, html } from "@/components/ui/static-html";

describe("server-built HTML", () => {
  it("escapes every value put into it, in text and in attributes", () => {
    const name = `Tổ 1 <script>alert("x")</script> & 'Tổ 2'`;
    const fragment = html`<a href='/dashboard/${"a'b"}' title='${name}'>${name}</a>`;
    expect(fragment.value).toBe(
      "<a href='/dashboard/a&#39;b' title='Tổ 1 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Tổ 2&#39;'>Tổ 1 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Tổ 2&#39;</a>",
    );
  });

  it("keeps fragments built with it, joins lists and leaves out what is absent", () => {
    const rows = ["<1>", "2"].map((cell) => html`<td>${cell}</td>`);
    expect(html`<tr>${rows}${null}${undefined}${false}${0}</tr>`.value).toBe("<tr><td>&lt;1&gt;</td><td>2</td>0</tr>");
    expect(escapeHtml("a < b")).toBe("a &lt; b");
  });
});
