// Hand-written files that are not in canonical form, each aimed at one of hclwrite's formatting rules (or a
// way the rules can go wrong). The oracle test formats each with the real `terraform fmt` and with tgo.
// None uses what only terraform rewrites (an attribute that is nothing but "${x}", unquoted block labels,
// `type` in a `variable` block): terragrunt hcl fmt leaves those alone, and so does tgo.

const crlf = (s: string) => s.replace(/\n/g, '\r\n');

export const FMT_CORPUS: Array<{ name: string; text: string }> = [
  { name: 'attribute spacing', text: 'a=1\nbb   =    "x"\nccc=true\n' },
  {
    name: 'alignment groups end at blank lines, comments, blocks and multi-line values',
    text: `a = 1
long_name = 2

b = 3
# a comment line breaks the group
much_longer_name = 4
c = {
  x = 1
  yy = 2
}
d = 5
block {
  e = 6
}
ff = 7
`,
  },
  {
    name: 'trailing comments align across consecutive lines',
    text: `locals {
  a = "abc" # one
  bb = true # two
  ccc = [1, 2] // three

  d = 1 /* block */ # four
  eeee = 2 # five
}
`,
  },
  {
    name: 'comments everywhere',
    text: `# leading
   // indented comment at top
locals { # after brace
      # inside, over-indented
  a = [ # after bracket
    1, # after item
       # between items
    2
  ] # after close
  /* block
      comment keeps its inner lines
   */
  b = /* inline */ 1
}
# trailing, no newline at end`,
  },
  {
    name: 'comment-only lines at odd indentation inside nested blocks',
    text: `terraform {
 before_hook "x" {
# flush left
        commands = ["apply"]
             // far right
    execute = ["echo"]
  }
}
`,
  },
  {
    name: 'heredocs keep their bodies exactly',
    text: `locals {
      script = <<EOT
  keep   this    spacing
\tand tabs
    \${ local.x  }  and text
EOT
    other=1
  indented = <<-EOT
      stripped later
      \${ upper( "x" ) }
    EOT
    after =2
}
`,
  },
  {
    name: 'heredoc with directives and a multi-line interpolation',
    text: `x = <<EOT
%{ for v in list ~}
item \${v}
%{ endfor ~}
\${ join(",",
   list) }
EOT
y   = 1
`,
  },
  {
    name: 'heredoc inside an object and a call',
    text: `inputs = {
  policy = <<JSON
{"Version": "2012-10-17"}
JSON
  name="x"
  tpl = templatefile("a.tpl", {
      body = <<EOT
hello
EOT
  })
}
`,
  },
  {
    name: 'nested objects and tuples',
    text: `inputs = {
tags = {
Name = "x"
Environment = "dev"
}
subnets = [
{
cidr = "10.0.0.0/24"
az = "a"
},
{ cidr = "10.0.1.0/24", az = "b" },
]
matrix = [[1,2],[3,4]]
empty_obj = { }
empty_list = [ ]
}
`,
  },
  {
    name: 'several brackets opened on one line',
    text: `x = [{
a = 1
b = [
"c"
]}]
y = f(g({
z = 1
}))
`,
  },
  {
    name: 'unbalanced bracket lines',
    text: `a = merge({
  x = 1 }, {
  y = 2
  }
)
b  =  concat([1,
2], [3])
`,
  },
  {
    name: 'blank lines are kept, whitespace-only lines emptied',
    text: `a = 1
   


b = 2
\t
c {
    \t
  d = 3

}
`,
  },
  { name: 'crlf line endings', text: crlf('locals {\na=1\n  bbb = "x" # c\n}\n\nx = <<EOT\n  body\nEOT\n') },
  { name: 'mixed line endings', text: 'a=1\r\nb  = 2\nc= 3\r\n' },
  {
    name: 'unicode identifiers, strings and comments',
    text: `locals {
  café = "crème brûlée"
  名前 = "値" # 日本語
  emoji = "🚀🚀" # rocket
  é = "e\u0301" # combining accent
  long_ascii_name = 1 # x
}
`,
  },
  {
    name: 'alignment counts grapheme clusters, not bytes',
    text: `inputs = {
  "🚀" = 1
  "ab" = 2
  "e\u0301e\u0301e\u0301" = 3
  "x" = 4
}
`,
  },
  { name: 'trailing whitespace after tokens and comments', text: 'a = 1   \nb = "x"\t\n# comment   \nc {   \n  d = 2  \n}   \n' },
  { name: 'no newline at end of file', text: 'a   = 1\nb=2' },
  { name: 'trailing spaces at end of file without newline', text: 'a=1\n   ' },
  { name: 'tabs for indentation', text: 'x {\n\ty = 1\n\t\tzz = {\n\t\t\tq = 2\n\t\t}\n}\n' },
  { name: 'byte-order mark', text: '\uFEFFa=1\n' },
  {
    name: 'operators and unary minus',
    text: `a = 1+2*3-4/5%6
b = -1
c = a - -b
d = !true&&false||  true
e = x==y ? 1:-1
f = (a+b)*-c
g = [-1, - 2]
h = a>=b && a<=b && a!=b && a>b && a<b
i = f(-x)
`,
  },
  {
    name: 'traversals, indexes and splats',
    text: `a = local . x . y
b = var.list [ 0 ]
c = f() [0]
d = var.items[*] . id
e = var.items . * . id
f = ["a"] [0]
g = data.x["key"].y
`,
  },
  {
    name: 'for expressions',
    text: `a = [ for x in var.list : x ]
b = { for k,v in var.map : k=>v if v!=null }
c = [for x in [1,2]: x*2]
d = {for k, v in var.m: k => v...}
`,
  },
  {
    name: 'function calls, ellipsis and provider functions',
    text: `a = max (1,2,3)
b = concat( [1] , [2] )
c = min(var.list ...)
d = provider :: aws :: arn_parse ( "x" )
e = f(
 1,
       2,
)
`,
  },
  {
    name: 'templates with interpolation and directives in quotes',
    text: `a = "prefix-\${ local.x }-suffix"
b = "\${local.a}\${local.b}"
c = "%{ if var.x }yes%{ else }no%{ endif }"
d = "x \${~ local.x ~} y"
e = "a\${ {a=1}.a }b"
f = "esc $\${x} %%{y} \\" \\\\"
`,
  },
  {
    name: 'single-line blocks and empty blocks',
    text: `dependency "a" { config_path = "../a" }
dependency "b" {}
dependency "c" {
}
remote_state {backend = "s3"}
`,
  },
  {
    name: 'realistic terragrunt.hcl',
    text: `include "root" {
path = find_in_parent_folders("root.hcl")
expose=true
}

terraform {
source = "git::git@github.com:acme/modules.git//vpc?ref=v1.2.3"
extra_arguments "retry_lock" {
commands = get_terraform_commands_that_need_locking()
arguments = ["-lock-timeout=20m"]
}
}

dependency "vpc" {
config_path = "../vpc"
mock_outputs = {
vpc_id = "vpc-123" # mocked
subnet_ids = ["subnet-1","subnet-2"]
}
mock_outputs_allowed_terraform_commands = ["validate","plan"]
}

inputs = merge(include.root.locals.common, {
vpc_id = dependency.vpc.outputs.vpc_id
name = "app-\${local.env}"
})
`,
  },
  {
    name: 'keyword in after identifier, and in as a name',
    text: `a = [for in in [1]: in]
b = {for x in[1]: x => x}
`,
  },
  {
    name: 'conditional spread over lines',
    text: `a = (
var.x
? 1
: 2
)
`,
  },
  {
    name: 'object keys: quoted, expressions, colons',
    text: `m = {
"quoted key" = 1
(local.k) = 2
bare: 3
"x":4
}
`,
  },
  {
    name: 'deep nesting',
    text: 'a = {b = {c = {d = [[[{e = 1}]]]}}}\nz = {\nb = {\nc = {\nd = [\n[\n1\n]\n]\n}\n}\n}\n',
  },
  {
    name: 'an attribute after a closing bracket line',
    text: `x = [
  1,
  ] 
y= 1
zzzz  =2
`,
  },
  { name: 'comment right after an assignment without value on the line', text: 'a = { # open\n  b = 1 # one\n} # close\ncc = 2 # two\n' },
  { name: 'empty file with only blank lines and spaces', text: '\n  \n\t\n' },
  { name: 'only comments', text: '   # one\n\t// two\n  /* three */\n' },
];
