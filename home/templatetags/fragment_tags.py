"""`{% fragment "name" value ... %}…{% endfragment %}`: a part of a page kept in the cache.

For parts that are the same for every visitor (never a form with a CSRF token, never a
signed-in person's data). The key holds the language, the day and the values given, and
the page cache's generation, so publishing anything (or changing settings, terms, clubs…)
renders every fragment again; see home/page_cache.py.
"""

from django import template

from home import page_cache

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist = nodelist
        self.name = name
        self.values = values

    def render(self, context):
        parts = [str(self.name.resolve(context))]
        parts += [str(value.resolve(context)) for value in self.values]
        return page_cache.keep(parts, lambda: self.nodelist.render(context), context.get("request"))


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
