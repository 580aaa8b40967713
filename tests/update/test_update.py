#!/usr/bin/python3
"""`ftcost prices update` against a fixture server on 127.0.0.1.

usage: test_update.py FTCOST

The server (http.server in a thread, a random port, bound to 127.0.0.1
only) serves a good LiteLLM file and a good genai-prices file, written here
from the price in force so that the change is known; and every way a
download goes wrong: cut short (Content-Length larger than the body, then
the connection closed), endless (must stop at the 64 MiB limit), slow
(no answer within the deadline: FTCOST_UPDATE_TIMEOUT=1), a body that
trickles past the deadline, 404, a redirect loop, six redirects (/hop/5), a redirect
to plain http:// elsewhere, HTML, not JSON, JSON that does not validate, a
declared length over the limit, https:// with a self-signed certificate.
For each bad one: exit status 2, one line
on stderr, the config directory byte for byte as it was, and API_PRICE
still the price before.  For the good ones: the changes listed, the files
installed (the one before as .previous), and the new price answering.

FTCOST_TEST_WRAPPER (e.g. "valgrind --error-exitcode=99 -q") runs the
command under a wrapper; FTCOST_TEST_UPDATE_TIMEOUT (seconds, default 1)
is then the deadline of the slow and the trickling download (the others
get 20 s or more: their failure is not about time).
"""

import hashlib
import http.server
import json
import os
import shlex
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
import time

MAX_SIZE = 64 << 20
# the deadline of the bad downloads; a slow wrapper (valgrind) wants more
TIMEOUT = os.environ.get('FTCOST_TEST_UPDATE_TIMEOUT', '1')
# how long a failing update may take in all: 30 s, more under a wrapper
LIMIT = 30 if TIMEOUT == '1' else 3 * float(TIMEOUT) + 30
FAILURES = []


def check(cond, what):
    if cond:
        print('ok   ' + what, flush=True)
    else:
        print('FAIL ' + what, flush=True)
        FAILURES.append(what)


class Fixtures:
    litellm = b''
    genai = b''


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        pass

    def send_body(self, body, ctype='application/json', status=200):
        self.send_response(status)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, where):
        self.send_response(302)
        self.send_header('Location', where)
        self.send_header('Content-Length', '0')
        self.end_headers()

    def do_GET(self):
        p = self.path
        try:
            if p == '/litellm.json':
                self.send_body(Fixtures.litellm)
            elif p == '/genai.json':
                self.send_body(Fixtures.genai)
            elif p.startswith('/hop/'):
                n = int(p[5:])
                self.redirect('/hop/%d' % (n - 1) if n > 0 else '/litellm.json')
            elif p == '/loop':
                self.redirect('/loop')
            elif p == '/to-outside':
                self.redirect('http://192.0.2.1/prices.json')
            elif p == '/truncated':
                self.send_response(200)
                self.send_header('Content-Type', 'application/json')
                self.send_header('Content-Length', str(len(Fixtures.litellm) + 5000))
                self.end_headers()
                self.wfile.write(Fixtures.litellm[:len(Fixtures.litellm) // 2])
                self.wfile.flush()
                self.close_connection = True
            elif p == '/endless':
                self.send_response(200)
                self.send_header('Content-Type', 'application/json')
                self.end_headers()
                self.wfile.write(b'{"padding": "')
                chunk = b'x' * 65536
                while True:
                    self.wfile.write(chunk)
            elif p == '/huge-declared':
                self.send_response(200)
                self.send_header('Content-Type', 'application/json')
                self.send_header('Content-Length', str(MAX_SIZE + 1))
                self.end_headers()
                self.wfile.write(b'{}')
            elif p == '/slow':
                time.sleep(3 * float(TIMEOUT) + 3)
                self.send_body(Fixtures.litellm)
            elif p == '/trickle':
                self.send_response(200)
                self.send_header('Content-Type', 'application/json')
                self.send_header('Content-Length', str(len(Fixtures.litellm)))
                self.end_headers()
                for b in Fixtures.litellm:
                    self.wfile.write(bytes([b]))
                    self.wfile.flush()
                    time.sleep(float(TIMEOUT) / 5)
            elif p == '/html':
                self.send_body(b'<!DOCTYPE html><html><body>Not here</body></html>', 'text/html')
            elif p == '/notjson':
                self.send_body(b'model,price\ngpt-4o,1\n', 'text/plain')
            elif p == '/invalid':
                self.send_body(json.dumps({'gpt-4o': {'litellm_provider': 'openai',
                                                      'input_cost_per_token': -1}}).encode())
            elif p == '/wrong-format':
                self.send_body(b'{"format": "ftcost-prices", "version": 2, "models": []}')
            else:
                self.send_body(b'not found', 'text/plain', 404)
        except (BrokenPipeError, ConnectionResetError):
            pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def tree_hash(root):
    """Every file and directory below root, names and bytes."""
    h = hashlib.sha256()
    for d, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        h.update(b'D' + os.path.relpath(d, root).encode() + b'\0')
        for f in sorted(files):
            path = os.path.join(d, f)
            h.update(b'F' + os.path.relpath(path, root).encode() + b'\0')
            with open(path, 'rb') as fh:
                h.update(hashlib.sha256(fh.read()).digest())
    return h.hexdigest()


def litellm_file(gpt4o_input, extra=True):
    models = {'gpt-4o': {'litellm_provider': 'openai', 'mode': 'chat',
                         'input_cost_per_token': gpt4o_input / 1e6,
                         'output_cost_per_token': 12 / 1e6}}
    if extra:
        models['update-test-model'] = {'litellm_provider': 'openai', 'mode': 'chat',
                                       'input_cost_per_token': 1e-6,
                                       'output_cost_per_token': 2e-6,
                                       'deprecation_date': '2099-03-01'}
    return json.dumps(models).encode()


def genai_file(price):
    return json.dumps([{
        'id': 'anthropic', 'name': 'Anthropic', 'api_pattern': 'x',
        'models': [{'id': 'genai-test-model', 'match': {'equals': 'genai-test-model'},
                    'prices': {'input_mtok': price, 'output_mtok': 2 * price}}]}]).encode()


class Cli:
    def __init__(self, exe, config):
        self.exe = exe
        # the short deadline only where it is the point (slow, trickle)
        self.env = dict(os.environ, XDG_CONFIG_HOME=config, FTCOST_PRICES='',
                        FTCOST_UPDATE_TIMEOUT=str(max(20, float(TIMEOUT))))
        self.env.pop('FTCOST_PRICE_SOURCES', None)
        self.wrapper = shlex.split(os.environ.get('FTCOST_TEST_WRAPPER', ''))

    def run(self, *args, env=None):
        t0 = time.time()
        p = subprocess.run(self.wrapper + [self.exe] + list(args), capture_output=True,
                           text=True, env=dict(self.env, **(env or {})), timeout=120)
        return p, time.time() - t0

    def price(self, model, kind='input'):
        p, _ = self.run('API_PRICE', model, kind)
        if p.returncode != 0:
            return p.stderr.strip()
        return float(p.stdout)


def tls_refused(cli, tmp, config, before, price):
    """https:// to a server whose certificate nobody vouches for: refused
    (TLS verification is on), nothing changed."""
    openssl = shutil.which('openssl')
    if openssl is None:
        print('skip TLS: no openssl to make a certificate')
        return
    key, cert = os.path.join(tmp, 'key.pem'), os.path.join(tmp, 'cert.pem')
    subprocess.run([openssl, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key,
                    '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1',
                    '-addext', 'subjectAltName=IP:127.0.0.1'],
                   check=True, capture_output=True)
    server = Server(('127.0.0.1', 0), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = 'https://127.0.0.1:%d/litellm.json' % server.server_address[1]
        p, took = cli.run('prices', 'update', url)
        lines = p.stderr.strip().split('\n')
        check(p.returncode == 2 and len(lines) == 1 and 'certificate' in lines[0].lower(),
              'a self-signed certificate refused: %r' % p.stderr.strip())
        check(tree_hash(config) == before and cli.price('gpt-4o') == price,
              'after the refused certificate: nothing changed')
    finally:
        server.shutdown()


def main():
    exe = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix='ftcost-update-test-')
    server = Server(('127.0.0.1', 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = 'http://127.0.0.1:%d' % server.server_address[1]
    try:
        config = os.path.join(tmp, 'config')
        os.makedirs(os.path.join(config, 'ftcost'))
        # the user's own file, which an update must never touch
        with open(os.path.join(config, 'ftcost', 'prices.json'), 'w') as f:
            json.dump({'format': 'ftcost-prices', 'version': 1, 'models': [
                {'provider': 'acme', 'model': 'widget-1', 'input': 7, 'output': 8,
                 'checked': '2026-01-02'}]}, f)
        cli = Cli(exe, config)
        updates = os.path.join(config, 'ftcost', 'updates')

        p0 = cli.price('gpt-4o')
        check(isinstance(p0, float), 'the shipped gpt-4o input price answers: %r' % p0)
        p1, p2, p3 = p0 + 1.5, p0 + 2.25, p0 + 3.5

        # the good ones
        Fixtures.litellm = litellm_file(p1)
        Fixtures.genai = genai_file(4.5)
        p, took = cli.run('prices', 'update', base + '/litellm.json', base + '/genai.json')
        check(p.returncode == 0, 'two good sources: exit 0 (%d: %s)' % (p.returncode, p.stderr))
        check('changed  openai/gpt-4o: input %.12g -> %.12g' % (p0, p1) in p.stdout,
              'the change of gpt-4o listed: %r' % p.stdout.splitlines()[:1])
        check('added    openai/update-test-model: input 1, output 2' in p.stdout,
              'the added model listed')
        check('retires  openai/update-test-model: on 2099-03-01' in p.stdout,
              'the retirement listed')
        check('added    anthropic/genai-test-model: input 4.5, output 9' in p.stdout,
              'the genai-prices model listed')
        for name, body in (('litellm', Fixtures.litellm), ('genai-prices', Fixtures.genai)):
            with open(os.path.join(updates, name + '.json'), 'rb') as f:
                check(f.read() == body, 'installed as updates/%s.json, as served' % name)
        check(not os.path.exists(os.path.join(updates, 'litellm.json.previous')),
              'no .previous on the first install')
        check(cli.price('gpt-4o') == p1, 'API_PRICE gpt-4o input is the new %g' % p1)
        check(cli.price('genai-test-model') == 4.5, 'the genai-prices model answers 4.5')
        check(cli.price('widget-1') == 7, "the user's own file still answers")
        check(sorted(os.listdir(updates)) == ['genai-prices.json', 'litellm.json'],
              'no temporary file left: %s' % sorted(os.listdir(updates)))

        # again, through 5 redirects (/hop/4 .. /hop/0): the one before kept as .previous
        first = Fixtures.litellm
        Fixtures.litellm = litellm_file(p2, extra=False)
        p, _ = cli.run('prices', 'update', base + '/hop/4')
        check(p.returncode == 0, 'five redirects followed: exit 0 (%s)' % p.stderr.strip())
        check('changed  openai/gpt-4o: input %.12g -> %.12g' % (p1, p2) in p.stdout,
              'the second change listed')
        check('removed  openai/update-test-model: no longer in this source' in p.stdout,
              'a model gone from the source listed as removed')
        with open(os.path.join(updates, 'litellm.json.previous'), 'rb') as f:
            check(f.read() == first, 'the one before kept as litellm.json.previous')
        check(cli.price('gpt-4o') == p2, 'API_PRICE gpt-4o input is now %g' % p2)
        check(cli.price('update-test-model').startswith('#N/A'),
              'the removed model no longer answers')

        # the sources from the environment; --dry-run installs nothing
        before = tree_hash(config)
        Fixtures.litellm = litellm_file(p3)
        p, _ = cli.run('prices', 'update', '--dry-run',
                       env={'FTCOST_PRICE_SOURCES': base + '/litellm.json'})
        check(p.returncode == 0 and 'input %.12g -> %.12g' % (p2, p3) in p.stdout,
              '--dry-run with $FTCOST_PRICE_SOURCES lists the change')
        check(tree_hash(config) == before and cli.price('gpt-4o') == p2,
              '--dry-run changes nothing')

        # every bad one: nothing changes
        outside = 'http://192.0.2.1/prices.json'
        bad = [
            ('/truncated', 'cut short'),
            ('/endless', 'larger than 64 MiB'),
            ('/huge-declared', 'larger than 64 MiB'),
            ('/slow', 'no complete answer within %s s' % TIMEOUT),
            ('/trickle', 'no complete answer within %s s' % TIMEOUT),
            ('/nothing-here', 'HTTP 404'),
            ('/loop', 'more than 5 redirects'),
            ('/hop/5', 'more than 5 redirects'),
            ('/to-outside', 'refused http:// to 192.0.2.1'),
            ('/html', 'not JSON'),
            ('/notjson', 'not JSON'),
            ('/invalid', 'must be a price'),
            ('/wrong-format', '"version" must be 1'),
            (outside, 'refused http:// to 192.0.2.1'),
            ('ftp://127.0.0.1/x', 'refused ftp://'),
            (os.path.join(tmp, 'no-such-file.json'), 'No such file'),
        ]
        before = tree_hash(config)
        for path, why in bad:
            url = base + path if path.startswith('/') and not path.startswith(tmp) else path
            p, took = cli.run('prices', 'update', url, env={'FTCOST_UPDATE_TIMEOUT': TIMEOUT}
                              if path in ('/slow', '/trickle') else None)
            lines = p.stderr.strip().split('\n')
            check(p.returncode == 2, '%s: exit 2 (%d)' % (path, p.returncode))
            check(len(lines) == 1 and why in lines[0] and 'nothing was changed' in lines[0],
                  '%s: one line saying why: %r' % (path, p.stderr.strip()))
            check(took < LIMIT, '%s: within %d s (%.1f s)' % (path, LIMIT, took))
            check(tree_hash(config) == before, '%s: the config directory unchanged' % path)
            check(cli.price('gpt-4o') == p2, '%s: API_PRICE still answers %g' % (path, p2))
        p, took = cli.run('prices', 'update', outside)
        check(took < 2 or cli.wrapper, 'plain http:// elsewhere refused at once (%.2f s)' % took)
        tls_refused(cli, tmp, config, before, p2)

        # all or nothing: one good source and one bad one install nothing
        p, _ = cli.run('prices', 'update', base + '/genai.json', base + '/invalid')
        check(p.returncode == 2 and tree_hash(config) == before,
              'a good and a bad source: nothing installed')
        p, _ = cli.run('prices', 'update', base + '/litellm.json', base + '/hop/0')
        check(p.returncode == 2 and 'one source per format' in p.stderr
              and tree_hash(config) == before, 'two sources of one format refused')
        p, _ = cli.run('prices', 'update', '--bogus')
        check(p.returncode == 64, 'an unknown option: exit 64')
        p, _ = cli.run('prices', 'update', base + '/litellm.json',
                       env={'FTCOST_UPDATE_TIMEOUT': 'soon'})
        check(p.returncode == 64 and tree_hash(config) == before,
              'a bad FTCOST_UPDATE_TIMEOUT: exit 64, nothing changed')
        p, _ = cli.run('prices', 'update', '--help')
        check(p.returncode == 0 and 'raw.githubusercontent.com/pydantic/genai-prices/main/'
              'prices/data.json' in p.stdout and 'model_prices_and_context_window.json'
              in p.stdout, '--help names the default sources')

        # undo: the .previous file put back
        os.replace(os.path.join(updates, 'litellm.json.previous'),
                   os.path.join(updates, 'litellm.json'))
        check(cli.price('gpt-4o') == p1, 'undone with the .previous file: %g again' % p1)
    finally:
        server.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    if FAILURES:
        print('%d failed' % len(FAILURES))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
