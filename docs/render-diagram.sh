#!/usr/bin/env bash
# Renders bpmn/persistent-chat-failover.bpmn to docs/persistent-chat-failover.png with bpmn-js (the renderer
# Cockpit and Modeler use) in headless Chromium. Needs npm and Debian's chromium; run it after changing the model.
set -euo pipefail
cd "$(dirname "$0")/.."
model=${1:-bpmn/persistent-chat-failover.bpmn}
out=${2:-docs/$(basename "$model" .bpmn).png}
# the diagram's extent from its BPMNDI, so the picture is drawn at scale 1 with a small margin
read -r left top width height < <(python3 - "$model" <<'PY'
import re, sys
xml = open(sys.argv[1]).read()
xs, ys = [], []
for x, y, w, h in re.findall(r'<dc:Bounds x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"', xml):
    xs += [float(x), float(x) + float(w)]; ys += [float(y), float(y) + float(h)]
for x, y in re.findall(r'<di:waypoint x="([\d.-]+)" y="([\d.-]+)"', xml):
    xs.append(float(x)); ys.append(float(y))
m = 30
print(int(min(xs)) - m, int(min(ys)) - m, int(max(xs) - min(xs)) + 2 * m, int(max(ys) - min(ys)) + 2 * m)
PY
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund bpmn-js@17 >/dev/null)
{
  echo '<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff} #canvas{width:WIDTHpx;height:HEIGHTpx}</style>'
  echo "<script>$(cat "$work/node_modules/bpmn-js/dist/bpmn-viewer.production.min.js")</script></head><body><div id=\"canvas\"></div><script>"
  printf 'const xml = %s;\n' "$(python3 -c 'import json,sys;print(json.dumps(open(sys.argv[1]).read()))' "$model")"
  echo 'const v=new BpmnJS({container:"#canvas"});'
  echo 'v.importXML(xml).then(()=>{setTimeout(()=>{const c=v.get("canvas");c.resized();c.viewbox({x:LEFT,y:TOP,width:WIDTH,height:HEIGHT});},1000);});</script></body></html>'
} | sed "s/LEFT/$left/; s/TOP/$top/; s/WIDTH/$width/g; s/HEIGHT/$height/g" > "$work/diagram.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars --force-device-scale-factor=1 \
  --window-size="$width,$height" --virtual-time-budget=5000 --screenshot="$out" "file://$work/diagram.html"
echo "wrote $out"
