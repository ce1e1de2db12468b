-- Neovim 0.7 as a real client of `backloglint lsp` (run headless by NeovimTests): start the server, open an item,
-- wait for its pushed diagnostic, hover on it, ask for code actions, apply the quick fix's workspace edit, wait for
-- the diagnostic to clear, stop the server. Every step's outcome goes into a JSON file the test reads; on a failure
-- the error and the step it happened in are written too, and Neovim always quits (an error would leave it running).
-- 0.7 has push diagnostics only and `vim.lsp.start_client` + `vim.lsp.buf_attach_client` (no `vim.lsp.start`).
--
-- Environment: BACKLOGLINT_DLL (the tool), BACKLOGLINT_REPO (the repository), BACKLOGLINT_FILE (the item to open),
-- BACKLOGLINT_OTHER (an item not opened), BACKLOGLINT_CODE (the diagnostic to fix), BACKLOGLINT_RESULT (the JSON
-- written), BACKLOGLINT_TIMEOUT_MS (for each wait).

local env = vim.env
local timeout = tonumber(env.BACKLOGLINT_TIMEOUT_MS) or 30000
local result = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch }
local step = 'start'
result.clientErrors = {}

local function wait_for(what, condition)
  step = what
  if not vim.wait(timeout, condition, 20) then
    error('timed out after ' .. timeout .. ' ms waiting for ' .. what)
  end
end

local function with_code(bufnr, code)
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    if diagnostic.code == code then return diagnostic end
  end
  return nil
end

-- The codes of the server's diagnostics on a buffer (all of them: another tool's too when no client is given).
local function codes(bufnr, client_id)
  local list = {}
  local opts = client_id and { namespace = vim.lsp.diagnostic.get_namespace(client_id) } or nil
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr, opts)) do table.insert(list, diagnostic.code) end
  return list
end

local function run()
  local exited = nil
  local client_id = vim.lsp.start_client({
    name = 'backloglint',
    cmd = { 'dotnet', env.BACKLOGLINT_DLL, 'lsp' },
    cmd_cwd = env.BACKLOGLINT_REPO,
    root_dir = env.BACKLOGLINT_REPO,
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
    on_error = function(code, err)
      table.insert(result.clientErrors, vim.lsp.rpc.client_errors[code] .. ': ' .. vim.inspect(err))
    end,
  })
  assert(client_id, 'vim.lsp.start_client returned nil')

  step = 'open'
  vim.cmd('edit ' .. vim.fn.fnameescape(env.BACKLOGLINT_FILE))
  local bufnr = vim.api.nvim_get_current_buf()
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')
  local client = vim.lsp.get_client_by_id(client_id)
  wait_for('initialize', function() return client.initialized == true or exited ~= nil end)
  assert(exited == nil, 'the server exited during initialize: ' .. vim.inspect(exited))
  result.positionEncoding = client.server_capabilities.positionEncoding
  result.offsetEncoding = client.offset_encoding

  wait_for(env.BACKLOGLINT_CODE .. ' on the open buffer', function() return with_code(bufnr, env.BACKLOGLINT_CODE) ~= nil end)
  local diagnostic = with_code(bufnr, env.BACKLOGLINT_CODE)
  result.diagnostic = {
    code = diagnostic.code,
    source = diagnostic.source,
    message = diagnostic.message,
    severity = diagnostic.severity,
    lnum = diagnostic.lnum,
    col = diagnostic.col,
    end_col = diagnostic.end_col,
    href = diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.codeDescription
      and diagnostic.user_data.lsp.codeDescription.href,
  }

  local other = vim.uri_to_bufnr(vim.uri_from_fname(env.BACKLOGLINT_OTHER))
  wait_for('diagnostics on the file not opened', function() return #vim.diagnostic.get(other) > 0 end)
  result.otherCodes = codes(other)

  -- The cursor on the diagnostic, as a user puts it there before K or a code action.
  vim.api.nvim_win_set_cursor(0, { diagnostic.lnum + 1, diagnostic.col })
  step = 'hover'
  local hover, hover_error = client.request_sync('textDocument/hover', vim.lsp.util.make_position_params(0, 'utf-16'), timeout, bufnr)
  assert(hover and not hover.err, 'hover failed: ' .. vim.inspect(hover_error or (hover and hover.err)))
  result.hover = hover.result and hover.result.contents and hover.result.contents.value

  -- Another tool's diagnostic on the same line (a number for a code, as shellcheck has): Neovim sends it along with
  -- the server's own when it asks for code actions, as `vim.lsp.buf.code_action()` does.
  vim.diagnostic.set(vim.api.nvim_create_namespace('another-linter'), bufnr,
    { { lnum = diagnostic.lnum, col = 0, message = 'from another tool', source = 'another-linter', code = 2034 } })

  step = 'code actions'
  local params = vim.lsp.util.make_range_params(0, 'utf-16')
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr) }
  result.contextCodes = vim.tbl_map(function(d) return d.code end, params.context.diagnostics)
  local actions, actions_error = client.request_sync('textDocument/codeAction', params, timeout, bufnr)
  assert(actions and not actions.err, 'code actions failed: ' .. vim.inspect(actions_error or (actions and actions.err)))
  result.actions = {}
  local fix = nil
  for _, action in ipairs(actions.result or {}) do
    table.insert(result.actions, { title = action.title, kind = action.kind, isPreferred = action.isPreferred == true,
      hasEdit = action.edit ~= nil, hasCommand = action.command ~= nil })
    if fix == nil and action.kind == 'quickfix' and action.isPreferred and action.edit then fix = action end
  end
  assert(fix, 'no preferred quick fix with an edit among ' .. vim.inspect(result.actions))
  result.applied = fix.title

  step = 'apply the edit'
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  result.buffer = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  result.modified = vim.api.nvim_buf_get_option(bufnr, 'modified')

  wait_for(env.BACKLOGLINT_CODE .. ' to clear after the edit', function() return with_code(bufnr, env.BACKLOGLINT_CODE) == nil end)
  result.codesAfter = codes(bufnr, client_id)

  step = 'shutdown'
  vim.lsp.stop_client(client_id)
  wait_for('the server to exit', function() return exited ~= nil end)
  result.exit = exited
end

local ok, failure = xpcall(run, debug.traceback)
if not ok then
  result.error = tostring(failure)
  result.step = step
end

local file = assert(io.open(env.BACKLOGLINT_RESULT, 'w'))
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd(ok and 'qall!' or 'cquit! 1')
