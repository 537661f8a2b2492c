<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="38"/>
        <source>Add a staff account</source>
        <translation>添加员工账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="52"/>
        <source>&amp;Engineer ID</source>
        <translation>工程师编号(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="53"/>
        <source>Display &amp;name</source>
        <translation>显示名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="54"/>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="55"/>
        <source>First &amp;password</source>
        <translation>初始密码(&amp;P)</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="211"/>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="212"/>
        <source>Certificate of erasure</source>
        <translation>数据清除证明</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="213"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="214"/>
        <source>Save certificate file…</source>
        <translation>保存证明文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="226"/>
        <source>Ticket</source>
        <translation>维修单</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="227"/>
        <source>Certificate</source>
        <translation>证明编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="228"/>
        <source>IMEI (masked)</source>
        <translation>IMEI（部分隐藏）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="229"/>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="230"/>
        <source>Method</source>
        <translation>清除方法</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="231"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="232"/>
        <source>Android version</source>
        <translation>安卓版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="233"/>
        <source>Encryption before the wipe</source>
        <translation>清除前的加密状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="234"/>
        <source>Accounts on the phone</source>
        <translation>手机上的账号数</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="235"/>
        <source>Phone after the wipe</source>
        <translation>清除后的手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="236"/>
        <source>Technician</source>
        <translation>技术人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="237"/>
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="245"/>
        <source>encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="248"/>
        <source>reset and left USB</source>
        <translation>已重启并断开 USB</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="254"/>
        <source>Does not verify: %1</source>
        <translation>验证未通过：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="256"/>
        <source>Signed by this outlet; the upstream countersigns it at the next sync.</source>
        <translation>已由本店签名；下次同步时由厂商服务器加签。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="257"/>
        <source>Signed by this outlet and countersigned by the upstream.</source>
        <translation>已由本店签名，并已由厂商服务器加签。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="261"/>
        <source>Save certificate file</source>
        <translation>保存证明文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="269"/>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="71"/>
        <source>Required: the customer who agrees</source>
        <extracomment>In the customer&apos;s chosen language (not the technician&apos;s screen language), so not a Qt translation.</extracomment>
        <translation>必填：表示同意的客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="151"/>
        <source>Customer consent</source>
        <translation>客户授权</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="152"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="153"/>
        <source>Ticket number (if any)</source>
        <translation>维修单号（如有）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="154"/>
        <source>Data the checks read (untick what the customer does not allow):</source>
        <translation>检测将读取的数据（客户不同意的项目请取消勾选）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="155"/>
        <source>Customer signature</source>
        <translation>客户签名</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="156"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="157"/>
        <source>The customer&apos;s name is needed: nobody can consent for an unnamed person.</source>
        <translation>需要填写客户姓名：不能代替未具名的人表示同意。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="158"/>
        <source>No signature pad: the customer ticks here to agree</source>
        <translation>无签名板：客户在此勾选表示同意</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="159"/>
        <source>Customer agrees</source>
        <translation>客户同意</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="160"/>
        <source>Customer declines</source>
        <translation>客户不同意</translation>
    </message>
</context>
<context>
    <name>DataForgettingButton</name>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="305"/>
        <source>Offer data forgetting before the phone leaves the customer…</source>
        <translation>手机离开客户之前，请提供数据清除服务…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="307"/>
        <source>Data forgetting…</source>
        <translation>数据遗忘…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="333"/>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="342"/>
        <source>Data forgetting</source>
        <translation>数据遗忘</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="333"/>
        <source>The refusal is recorded and printed on the slip.</source>
        <translation>客户拒绝已记录，并会打印在维修单上。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="341"/>
        <source>Connect exactly one phone (the ticket&apos;s), allow USB debugging, then try again.</source>
        <translation>请只连接一部手机（本维修单的手机），允许 USB 调试后重试。</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="47"/>
        <source>Phones</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="49"/>
        <source>No phone is connected. Plug the customer&apos;s phone in with a data cable and turn on USB debugging.</source>
        <translation>未连接手机。请用数据线连接客户的手机，并打开 USB 调试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="51"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="51"/>
        <source>What to do</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="51"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="60"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="61"/>
        <source>Not allowed yet</source>
        <translation>尚未授权</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="62"/>
        <source>Not answering</source>
        <translation>无响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="63"/>
        <source>Waiting for the phone</source>
        <translation>等待手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="99"/>
        <source>Connection: %1</source>
        <translation>连接：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="106"/>
        <source>Ready: press Enter to open diagnostics; nothing is read before the customer agrees.</source>
        <translation>就绪：按回车打开检测；客户同意前不会读取任何数据。</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPage</name>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="249"/>
        <source>Diagnostics</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="250"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="251"/>
        <source>Checks to run</source>
        <translation>要进行的检测</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="253"/>
        <source>Choose by the reported fault...</source>
        <translation>按客户描述的故障选择……</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="259"/>
        <source>Ask for consent and start</source>
        <translation>征求授权并开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="260"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="261"/>
        <source>Customer withdraws consent (deletes the data)</source>
        <translation>客户撤回授权（删除检测数据）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="262"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="303"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="304"/>
        <source>Waiting for USB debugging permission</source>
        <translation>等待手机允许 USB 调试</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="305"/>
        <source>Not answering</source>
        <translation>无响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="306"/>
        <source>No phone connected</source>
        <translation>未连接手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="313"/>
        <source>No phone selected</source>
        <translation>未选择手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="316"/>
        <source>What to do: </source>
        <translation>下一步：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="385"/>
        <source>Plug in the customer&apos;s phone and allow USB debugging, then press Ask for consent and start.</source>
        <translation>请连接客户的手机并允许 USB 调试，然后按“征求授权并开始”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="401"/>
        <source>Several phones are plugged in: pick the customer&apos;s.</source>
        <translation>连接了多部手机：请选择这位客户的手机。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="402"/>
        <source>Which phone?</source>
        <translation>哪一部手机？</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="468"/>
        <source>Diagnostic tool</source>
        <translation>检测工具</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="526"/>
        <source>This log has expired or was deleted.</source>
        <translation>该日志已过期或已被删除。</translation>
    </message>
</context>
<context>
    <name>ErrorDialogs</name>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="47"/>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="49"/>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="52"/>
        <source>The database file is missing</source>
        <translation>数据库文件缺失</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="55"/>
        <source>Not a Repair Counter file</source>
        <translation>不是维修柜台的文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="58"/>
        <source>The records do not verify</source>
        <translation>记录校验未通过</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="61"/>
        <source>No store here yet</source>
        <translation>此处尚无数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="64"/>
        <source>A store is already here</source>
        <translation>此处已有数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="66"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="67"/>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="68"/>
        <source>Please check the input</source>
        <translation>请检查输入内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="77"/>
        <source>Something needs your attention</source>
        <translation>有情况需要您处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="88"/>
        <source>What to do next: </source>
        <translation>下一步：</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="97"/>
        <source>Repair Counter hit a bug</source>
        <translation>维修柜台遇到程序错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="98"/>
        <source>This is a fault in Repair Counter, not something you did. Your saved records are safe.</source>
        <translation>这是维修柜台软件的缺陷，并非您的操作所致。已保存的记录是安全的。</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="105"/>
        <source>Please send the details below to support.</source>
        <translation>请将以下详细信息发送给技术支持。</translation>
    </message>
</context>
<context>
    <name>EstimatePanel</name>
    <message>
        <location filename="../../app/ui/pages/estimate_panel.py" line="47"/>
        <source>approved by %1</source>
        <translation>已由 %1 确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/estimate_panel.py" line="51"/>
        <source>reserved %1</source>
        <translation>已预留 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/estimate_panel.py" line="52"/>
        <source>fitted %1</source>
        <translation>已安装 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/estimate_panel.py" line="53"/>
        <source>not in stock, requested %1</source>
        <translation>缺货，已申请调拨 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/estimate_panel.py" line="57"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/estimate_panel.py" line="86"/>
        <source>Estimate for the customer:</source>
        <translation>给客户的报价：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/estimate_panel.py" line="87"/>
        <source>Add to estimate</source>
        <translation>加入报价</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/estimate_panel.py" line="88"/>
        <source>Approved by (the customer&apos;s name)</source>
        <translation>确认人（客户姓名）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/estimate_panel.py" line="89"/>
        <source>Customer approves</source>
        <translation>客户确认报价</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="137"/>
        <source>Set up Repair Counter</source>
        <translation>设置维修柜台</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <location filename="../../app/ui/pages/followup_page.py" line="49"/>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/followup_page.py" line="51"/>
        <source>Customers who left without rating. Call each within an hour of collection and record the result.</source>
        <translation>取机时未评分的客户。请在取机后一小时内逐一回访并记录结果。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/followup_page.py" line="54"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/followup_page.py" line="54"/>
        <source>Collected (UTC)</source>
        <translation>取机时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/followup_page.py" line="54"/>
        <source>Due by (UTC)</source>
        <translation>回访截止（UTC）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/followup_page.py" line="54"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/followup_page.py" line="56"/>
        <source>Rated</source>
        <translation>已评分</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/followup_page.py" line="56"/>
        <source>Declined to rate</source>
        <translation>拒绝评分</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/followup_page.py" line="56"/>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/followup_page.py" line="59"/>
        <source>&amp;Record the result</source>
        <translation>记录结果(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/followup_page.py" line="76"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/followup_page.py" line="76"/>
        <source>Due</source>
        <translation>待回访</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <location filename="../../app/ui/dialogs/help_overlay.py" line="45"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/help_overlay.py" line="46"/>
        <source>Keyboard shortcuts (F1)</source>
        <translation>键盘快捷键（F1）</translation>
    </message>
</context>
<context>
    <name>HubPage</name>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="136"/>
        <source>Outlet hub</source>
        <translation>网点集线器</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="137"/>
        <source>Join the outlet hub (outlet manager)</source>
        <translation>加入网点集线器（网点经理）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="138"/>
        <source>Hub &amp;address</source>
        <translation>集线器地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="138"/>
        <source>This counter&apos;s c&amp;ode</source>
        <translation>本柜台代码(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="138"/>
        <source>One-&amp;time code</source>
        <translation>一次性代码(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="139"/>
        <source>Certificate finger&amp;print</source>
        <translation>证书指纹(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="142"/>
        <source>A, B, K2 ...</source>
        <translation>如 A、B、K2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="143"/>
        <source>as the hub shows it</source>
        <translation>按集线器屏幕所示填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="144"/>
        <source>read it from the hub&apos;s screen, never from a search</source>
        <translation>请从集线器屏幕上读取，切勿取自搜索结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="145"/>
        <source>Fi&amp;nd hubs on the network</source>
        <translation>在局域网中查找集线器(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="146"/>
        <source>&amp;Join</source>
        <translation>加入(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="147"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="148"/>
        <source>Counters the hub knows</source>
        <translation>集线器已知的柜台</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="150"/>
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="150"/>
        <location filename="../../app/ui/pages/hub_page.py" line="157"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="153"/>
        <source>Conflicts to settle: two counters changed the same thing while apart. Pick the value to keep.</source>
        <translation>待解决的冲突：两个柜台在离线时修改了同一项内容。请选择要保留的值。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="156"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="156"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="156"/>
        <source>Value kept now</source>
        <translation>当前保留的值</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="150"/>
        <source>Last call</source>
        <translation>最近联系时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="156"/>
        <location filename="../../app/ui/pages/hub_page.py" line="157"/>
        <source>By, when</source>
        <translation>修改者与时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="157"/>
        <source>The other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="159"/>
        <source>&amp;Keep the value kept now</source>
        <translation>保留当前的值(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="160"/>
        <source>Keep the &amp;other value</source>
        <translation>改用另一个值(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="181"/>
        <source>This counter has not joined an outlet hub. On the hub, the operator gives it a one-time code and shows the certificate fingerprint; type both below with the hub&apos;s address.</source>
        <translation>本柜台尚未加入网点集线器。集线器操作员会为本柜台生成一次性代码并显示证书指纹；请将二者与集线器地址一起填写在下方。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="184"/>
        <source>Joined to the outlet hub at %1 as counter %2; certificate %3...</source>
        <translation>已作为柜台 %2 加入网点集线器 %1；证书 %3…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="187"/>
        <source>Hub of outlet %1.</source>
        <translation>网点 %1 的集线器。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="195"/>
        <source>Waiting on this counter: %1 change(s).</source>
        <translation>本柜台待发送：%1 项更改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="199"/>
        <source>Waiting at the hub for the region: %1 operation(s).</source>
        <translation>集线器待发往大区：%1 项操作。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="202"/>
        <source>The hub did not answer: %1</source>
        <translation>集线器没有响应：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="210"/>
        <source>Synced: sent %1, received %2, new conflicts %3.</source>
        <translation>同步完成：发送 %1，接收 %2，新冲突 %3。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="221"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="221"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="233"/>
        <source>counter %1, %2</source>
        <translation>柜台 %1，%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="241"/>
        <source>Chosen here, sent with the next sync</source>
        <translation>已在本柜台选择，下次同步时发送</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="241"/>
        <source>To settle</source>
        <translation>待解决</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="245"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="245"/>
        <source>Opening hours</source>
        <translation>营业时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="250"/>
        <source>Monday</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="250"/>
        <source>Tuesday</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="250"/>
        <source>Wednesday</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="250"/>
        <source>Thursday</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="251"/>
        <source>Friday</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="251"/>
        <source>Saturday</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="251"/>
        <source>Sunday</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="255"/>
        <source>hours</source>
        <translation>营业时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="255"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="259"/>
        <source>(empty: closed)</source>
        <translation>（空：不营业）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="351"/>
        <source>No hub answered; type its address as the hub shows it.</source>
        <translation>没有集线器响应；请按集线器屏幕所示输入其地址。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hub_page.py" line="354"/>
        <source>%1: outlet %2, certificate %3... (compare with the hub&apos;s screen)</source>
        <translation>%1：网点 %2，证书 %3…（请与集线器屏幕核对）</translation>
    </message>
</context>
<context>
    <name>ImeiEntryDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="55"/>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="58"/>
        <source>The phone did not give its IMEI. Scan the barcode on the box or the SIM tray, or type the 15 digits (dial *#06# on the phone to show them).</source>
        <translation>手机未提供 IMEI。请扫描包装盒或 SIM 卡托上的条码，或输入 15 位数字（在手机上拨 *#06# 可显示）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="62"/>
        <source>15 digits</source>
        <translation>15 位数字</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="63"/>
        <source>Use this IMEI</source>
        <translation>使用此 IMEI</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="64"/>
        <source>Skip (no IMEI)</source>
        <translation>跳过（不记录 IMEI）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="82"/>
        <source>Valid IMEI (model code %1).</source>
        <translation>IMEI 有效（型号代码 %1）。</translation>
    </message>
</context>
<context>
    <name>ImeiLineEdit</name>
    <message>
        <location filename="../../app/ui/fields.py" line="89"/>
        <source>Waiting for the scanner or the keyboard.</source>
        <extracomment>Longer than an IMEI with separators (&quot;35-209900-176148-1&quot;); a scanner that sends more misread.</extracomment>
        <translation>等待扫描枪或键盘输入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/fields.py" line="91"/>
        <source>Only digits are allowed: this is not an IMEI barcode.</source>
        <translation>只能输入数字：这不是 IMEI 条码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/fields.py" line="94"/>
        <source>An IMEI has 15 digits; this has %1.</source>
        <translation>IMEI 为 15 位数字；当前为 %1 位。</translation>
    </message>
    <message>
        <location filename="../../app/ui/fields.py" line="95"/>
        <source>The check digit does not match: a digit is wrong. Scan again or check the digits.</source>
        <translation>校验位不符：有数字错误。请重新扫描或核对数字。</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="23"/>
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="24"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="25"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="26"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="27"/>
        <source>Full address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="28"/>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="29"/>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="30"/>
        <source>Parcel condition on arrival</source>
        <translation>包裹到达时状况</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="31"/>
        <source>Purchase date</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="32"/>
        <source>Proof of purchase</source>
        <translation>购机凭证</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="33"/>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="34"/>
        <source>IMEI 2 (dual SIM)</source>
        <translation>IMEI 2（双卡）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="35"/>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="36"/>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="37"/>
        <source>Fault category</source>
        <translation>故障类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="38"/>
        <source>Fault description</source>
        <translation>故障描述</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="39"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="40"/>
        <location filename="../../app/ui/pages/intake_labels.py" line="77"/>
        <source>Screen</source>
        <translation>屏幕</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="41"/>
        <location filename="../../app/ui/pages/intake_labels.py" line="78"/>
        <source>Housing</source>
        <translation>外壳</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="42"/>
        <location filename="../../app/ui/pages/intake_labels.py" line="79"/>
        <source>Water indicator</source>
        <translation>进水标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="43"/>
        <location filename="../../app/ui/pages/intake_labels.py" line="80"/>
        <source>Buttons</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="44"/>
        <location filename="../../app/ui/pages/intake_labels.py" line="81"/>
        <source>Cameras</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="45"/>
        <source>Condition notes</source>
        <translation>外观备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="47"/>
        <source>Accessories received (comma separated)</source>
        <translation>随机附件（用逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="46"/>
        <source>Condition photos</source>
        <translation>外观照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="48"/>
        <source>Signed by</source>
        <translation>签名人</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="49"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="50"/>
        <source>Estimate</source>
        <translation>预估费用</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="51"/>
        <source>Deposit</source>
        <translation>押金</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="52"/>
        <source>Service agreement</source>
        <translation>维修服务协议</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="53"/>
        <source>Condition checklist</source>
        <translation>外观检查</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="60"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="61"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="62"/>
        <source>Fault and condition</source>
        <translation>故障与外观</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="63"/>
        <source>Agreement and estimate</source>
        <translation>协议与报价</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="72"/>
        <source>Walk-in repair</source>
        <translation>到店维修</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="73"/>
        <source>Send-in repair</source>
        <translation>寄修</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="74"/>
        <source>Return / exchange</source>
        <translation>退换货</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="82"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="85"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="86"/>
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="87"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="90"/>
        <source>1 - response in 30 minutes</source>
        <translation>1 - 30 分钟内响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="91"/>
        <source>2 - response in 2 hours</source>
        <translation>2 - 2 小时内响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="92"/>
        <source>3 - response in 24 business hours</source>
        <translation>3 - 24 个营业小时内响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="93"/>
        <source>4 - as the outlet sets</source>
        <translation>4 - 按网点设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="349"/>
        <source>New repair ticket</source>
        <translation>新建维修单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="350"/>
        <source>&lt; Back (Alt+B)</source>
        <translation>&lt; 上一步 (Alt+B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="351"/>
        <source>Next (Ctrl+Enter) &gt;</source>
        <translation>下一步 (Ctrl+Enter) &gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="352"/>
        <source>Save ticket (Ctrl+Enter)</source>
        <translation>保存维修单 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="355"/>
        <source>The customer has read and signed the agreement</source>
        <translation>客户已阅读并签署协议</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="284"/>
        <source>Condition photo</source>
        <translation>外观照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="210"/>
        <source>Customer&apos;s age</source>
        <extracomment>Which step each field is on, so a refused intake opens the step of its first problem. The intake&apos;s checklist states, &quot;not checked&quot; first: nothing is OK until someone looked. Where a guardian&apos;s consent is needed when the region is not known yet (the strictest shipped age). Rows outside the service-type table that a person may leave empty.</extracomment>
        <translation>客户年龄</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="211"/>
        <source>Guardian&apos;s name (under-age customer)</source>
        <translation>监护人姓名（未成年客户）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="212"/>
        <source>The guardian agrees to the processing this service needs</source>
        <translation>监护人同意本服务所需的数据处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="284"/>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>照片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="296"/>
        <source>Cannot read the photo: %1</source>
        <translation>无法读取照片：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="300"/>
        <source>Photos must be JPEG or PNG files of at most 8 MB.</source>
        <translation>照片须为 JPEG 或 PNG 文件，且不超过 8 MB。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="306"/>
        <source>Photos: %1</source>
        <translation>照片：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="353"/>
        <source>Take from the last diagnostics run</source>
        <translation>采用最近一次检测的结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="354"/>
        <source>Run diagnostics on the plugged phone (Ctrl+D)</source>
        <translation>检测已连接的手机 (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="356"/>
        <source>Add photo...</source>
        <translation>添加照片...</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="367"/>
        <source>Not checked yet: choose one</source>
        <translation>尚未检查：请选择</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="383"/>
        <source>(optional)</source>
        <translation>（选填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="396"/>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="466"/>
        <source>No diagnostics were run: scan or type the IMEI.</source>
        <translation>未进行检测：请扫描或输入 IMEI。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="501"/>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="503"/>
        <source>Returning customer: details filled in; check them with the customer</source>
        <translation>老客户：已自动填写资料，请与客户核对</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="514"/>
        <source>IMEI valid</source>
        <translation>IMEI 有效</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="522"/>
        <source>The scan holds no valid IMEI.</source>
        <translation>扫描内容中没有有效的 IMEI。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="534"/>
        <source>No phone could be read: scan or type the IMEI.</source>
        <translation>无法读取手机：请扫描或输入 IMEI。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="543"/>
        <source>Filled in from the plugged phone.</source>
        <translation>已从连接的手机填写。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="608"/>
        <source>The customer must sign the agreement before the ticket is opened.</source>
        <translation>建单前客户必须签署服务协议。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="617"/>
        <source>Ticket %1 opened.</source>
        <translation>维修单 %1 已创建。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="638"/>
        <source>Please fix: %1</source>
        <translation>请修改：%1</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="42"/>
        <source>Audit journal</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="43"/>
        <source>&amp;Verify the store</source>
        <translation>校验数据库(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="45"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="45"/>
        <source>Time (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="45"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="45"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="45"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="45"/>
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="72"/>
        <source>Verifying...</source>
        <translation>正在校验……</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="80"/>
        <source>Everything holds: %1 journal entries verified.</source>
        <translation>全部通过：已校验 %1 条日志。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="86"/>
        <source>The store does not verify: keep this folder and call support. Details: %1</source>
        <translation>数据库校验未通过：请保留此文件夹并联系技术支持。详情：%1</translation>
    </message>
</context>
<context>
    <name>JournalWords</name>
    <message>
        <location filename="../../app/ui/journal_words.py" line="15"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="16"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="17"/>
        <source>Contact details</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="18"/>
        <source>Diagnostics run</source>
        <translation>检测记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="19"/>
        <source>Diagnostics consent</source>
        <translation>检测授权</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="20"/>
        <source>Device log</source>
        <translation>设备日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="21"/>
        <source>Staff account</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="22"/>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="23"/>
        <source>Privacy request</source>
        <translation>隐私申请</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="24"/>
        <source>Data export</source>
        <translation>数据导出</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="25"/>
        <source>Retention run</source>
        <translation>保留期限清理</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="26"/>
        <source>Reference data</source>
        <translation>参考数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="27"/>
        <source>Spare-part stock</source>
        <translation>备件库存</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="28"/>
        <source>Parts dispatch request</source>
        <translation>备件调拨申请</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="29"/>
        <source>Parts transfer</source>
        <translation>备件调拨</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="30"/>
        <source>Opening hours</source>
        <translation>营业时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="31"/>
        <source>Staff record signing</source>
        <translation>员工记录签名</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="32"/>
        <source>Record seals</source>
        <translation>记录封签</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="33"/>
        <source>Sample tickets</source>
        <translation>示例工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="34"/>
        <source>Customer message</source>
        <translation>客户短信</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="35"/>
        <source>Consent to messages</source>
        <translation>短信通知同意</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="36"/>
        <source>Message template</source>
        <translation>短信模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="37"/>
        <source>Customer rating</source>
        <translation>客户评价</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="43"/>
        <source>created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="44"/>
        <source>status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="45"/>
        <source>agreement signed</source>
        <translation>签署协议</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="46"/>
        <source>estimate approved</source>
        <translation>确认报价</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="47"/>
        <source>estimate</source>
        <translation>报价</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="48"/>
        <source>invoiced</source>
        <translation>开具账单</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="49"/>
        <source>handed over</source>
        <translation>交机</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="50"/>
        <source>collected</source>
        <translation>已取机</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="51"/>
        <source>slip printed</source>
        <translation>打印单据</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="52"/>
        <source>waiting slip discarded</source>
        <translation>放弃待打印单据</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="53"/>
        <source>consent given</source>
        <translation>给予授权</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="54"/>
        <source>consent withdrawn</source>
        <translation>撤回授权</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="55"/>
        <source>data erased</source>
        <translation>删除数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="56"/>
        <source>started</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="57"/>
        <source>finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="58"/>
        <source>tool updated</source>
        <translation>更新检测工具</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="59"/>
        <source>tool update declined</source>
        <translation>拒绝更新检测工具</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="60"/>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="61"/>
        <source>erased</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="62"/>
        <source>processing restricted</source>
        <translation>限制处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="63"/>
        <source>restriction lifted</source>
        <translation>解除限制</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="64"/>
        <source>objection recorded</source>
        <translation>记录异议</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="65"/>
        <source>corrected</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="66"/>
        <source>exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="67"/>
        <source>closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="68"/>
        <source>removed</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="69"/>
        <source>retention applied</source>
        <translation>执行保留期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="70"/>
        <source>sample data added</source>
        <translation>添加示例数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="71"/>
        <source>parts received</source>
        <translation>备件入库</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="72"/>
        <source>transfer received</source>
        <translation>调拨已接收</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="73"/>
        <source>transferred out</source>
        <translation>已调出</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="74"/>
        <source>transfer sent</source>
        <translation>调拨已发出</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="75"/>
        <source>stock corrected</source>
        <translation>库存已更正</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="76"/>
        <source>stock counted</source>
        <translation>库存已盘点</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="77"/>
        <source>parts reserved</source>
        <translation>备件已预留</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="78"/>
        <source>reservation released</source>
        <translation>预留已释放</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="79"/>
        <source>parts used</source>
        <translation>备件已使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="80"/>
        <source>parts fitted</source>
        <translation>备件已安装</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="81"/>
        <source>returned to the maker</source>
        <translation>已退回厂商</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="82"/>
        <source>bin and minimum set</source>
        <translation>已设置库位和最低库存</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="83"/>
        <source>part requested</source>
        <translation>已申请备件</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="84"/>
        <source>request met</source>
        <translation>申请已满足</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="85"/>
        <source>request cancelled</source>
        <translation>申请已取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="86"/>
        <source>holiday added</source>
        <translation>已添加节假日</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="87"/>
        <source>holiday removed</source>
        <translation>已删除节假日</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="88"/>
        <source>hours set</source>
        <translation>已设置营业时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="89"/>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="90"/>
        <source>signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="91"/>
        <source>sealed</source>
        <translation>已封签</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="92"/>
        <source>every record sealed</source>
        <translation>已封签全部记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="93"/>
        <source>queued</source>
        <translation>已排队</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="94"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="95"/>
        <source>send attempt</source>
        <translation>发送尝试</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="96"/>
        <source>delivery uncertain</source>
        <translation>发送结果不确定</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="97"/>
        <source>given up</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="98"/>
        <source>settled by hand</source>
        <translation>人工确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="99"/>
        <source>set</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="100"/>
        <source>follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="107"/>
        <source>Retention (automatic)</source>
        <translation>保留期限清理（自动）</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="108"/>
        <source>Sync (automatic)</source>
        <translation>同步（自动）</translation>
    </message>
    <message>
        <location filename="../../app/ui/journal_words.py" line="109"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
</context>
<context>
    <name>LogViewerDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/log_viewer.py" line="36"/>
        <source>Device log (personal data removed)</source>
        <translation>设备日志（已去除个人信息）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/log_viewer.py" line="37"/>
        <source>Search the log, e.g. FATAL or a tag</source>
        <translation>搜索日志，例如 FATAL 或标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/log_viewer.py" line="42"/>
        <source>%1 lines</source>
        <translation>%1 行</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <location filename="../../app/ui/login_view.py" line="86"/>
        <source>Sign in to Repair Counter</source>
        <translation>登录维修柜台</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_view.py" line="87"/>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_view.py" line="88"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_view.py" line="89"/>
        <source>Sign &amp;in</source>
        <translation>登录(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_view.py" line="90"/>
        <source>Lost every password? Use the recovery key</source>
        <translation>所有密码都遗失了？使用恢复密钥</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_view.py" line="91"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_view.py" line="125"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_view.py" line="125"/>
        <source>Type the recovery key printed when this store was set up:</source>
        <translation>请输入设置数据库时打印的恢复密钥：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="147"/>
        <source>Repair Counter</source>
        <translation>维修柜台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="148"/>
        <source>Lock (Ctrl+L)</source>
        <translation>锁定 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="149"/>
        <source>F1: keyboard shortcuts</source>
        <translation>F1：键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="156"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="156"/>
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="161"/>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="165"/>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="233"/>
        <source>Scanner: %1</source>
        <translation>扫码枪：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="235"/>
        <source>Scanner: %1 cannot be opened (plugged in? used by another program?)</source>
        <translation>扫码枪：无法打开 %1（是否已插好？是否被其他程序占用？）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="239"/>
        <source>Scanner: disconnected from %1; choose its port again</source>
        <translation>扫码枪：已从 %1 断开，请重新选择端口</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="241"/>
        <source>Scanner: opening %1...</source>
        <translation>扫码枪：正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="243"/>
        <source>Scanner: none</source>
        <translation>扫码枪：未设置</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="61"/>
        <source>The first manager account</source>
        <translation>第一个经理账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="62"/>
        <source>The manager adds the other staff accounts later.</source>
        <translation>经理之后可以添加其他员工账号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="74"/>
        <source>&amp;Engineer ID</source>
        <translation>工程师编号(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="75"/>
        <source>Display &amp;name</source>
        <translation>显示名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="76"/>
        <source>&amp;Password (8 or more characters)</source>
        <translation>密码（至少 8 个字符）(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="77"/>
        <source>&amp;Confirm password</source>
        <translation>确认密码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="86"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="88"/>
        <source>The password is too short.</source>
        <translation>密码太短。</translation>
    </message>
</context>
<context>
    <name>MessagesStatus</name>
    <message>
        <location filename="../../app/ui/messages_status.py" line="29"/>
        <source>modem: not used yet</source>
        <translation>短信猫：尚未使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages_status.py" line="31"/>
        <source>modem: working</source>
        <translation>短信猫：正常</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages_status.py" line="33"/>
        <source>modem: last try failed (%1)</source>
        <translation>短信猫：上次发送失败（%1）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages_status.py" line="34"/>
        <source>Messages waiting: %1, %2</source>
        <translation>待发短信：%1，%2</translation>
    </message>
</context>
<context>
    <name>OutletCalendarDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/outlet_calendar_dialog.py" line="32"/>
        <source>Opening hours and holidays</source>
        <translation>营业时间与节假日</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/outlet_calendar_dialog.py" line="42"/>
        <source>Save opening hours</source>
        <translation>保存营业时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/outlet_calendar_dialog.py" line="47"/>
        <source>hours that day; empty: closed</source>
        <translation>当天营业时间；留空表示休息</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/outlet_calendar_dialog.py" line="48"/>
        <source>Add holiday</source>
        <translation>添加节假日</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/outlet_calendar_dialog.py" line="52"/>
        <source>Remove holiday</source>
        <translation>删除节假日</translation>
    </message>
</context>
<context>
    <name>OutletPage</name>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="34"/>
        <source>Your outlet</source>
        <translation>您的网点</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="35"/>
        <source>The outlet code starts every ticket number, e.g. SZ01-20261122-0042.</source>
        <translation>每张工单号都以网点代码开头，例如 SZ01-20261122-0042。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="46"/>
        <source>Outlet &amp;code</source>
        <translation>网点代码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="47"/>
        <source>Outlet &amp;name</source>
        <translation>网点名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="48"/>
        <source>&amp;Region</source>
        <translation>地区(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="49"/>
        <source>&amp;Address (printed on slips)</source>
        <translation>地址（打印在服务单上）(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PartsPage</name>
    <message>
        <location filename="../../app/ui/pages/parts_page.py" line="53"/>
        <source>Spare parts</source>
        <translation>备件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/parts_page.py" line="54"/>
        <source>Scan a part label to receive the part</source>
        <translation>扫描备件标签以入库</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/parts_page.py" line="55"/>
        <source>&amp;Receive</source>
        <translation>入库(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/parts_page.py" line="56"/>
        <source>&amp;Low stock only</source>
        <translation>仅显示低库存(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/parts_page.py" line="59"/>
        <source>Part</source>
        <translation>备件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/parts_page.py" line="60"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/parts_page.py" line="61"/>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/parts_page.py" line="62"/>
        <source>On hand</source>
        <translation>现有</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/parts_page.py" line="63"/>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/parts_page.py" line="64"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/parts_page.py" line="65"/>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/parts_page.py" line="119"/>
        <source>Genuine part, verified: %1 serial %2 received; %3 on hand.</source>
        <translation>原装备件，已验证：%1 序列号 %2 已入库；现有 %3 个。</translation>
    </message>
</context>
<context>
    <name>PhoneNames</name>
    <message>
        <location filename="../../app/ui/phone_names.py" line="23"/>
        <source>Phone (…%1)</source>
        <translation>手机 (…%1)</translation>
    </message>
</context>
<context>
    <name>PrintSlipPanel</name>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="107"/>
        <source>Repair slip</source>
        <translation>维修单</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="108"/>
        <source>Print...</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="109"/>
        <source>Save PDF...</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="110"/>
        <source>Thermal</source>
        <translation>热敏打印</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="130"/>
        <source>Printer port</source>
        <translation>打印机端口</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="130"/>
        <source>No serial port found</source>
        <translation>未找到串口</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="159"/>
        <source>Retry (%1 waiting)</source>
        <translation>重新打印（%1 张等待中）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="225"/>
        <source>Save the slip as PDF</source>
        <translation>将维修单保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="225"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="238"/>
        <source>Saving the slip...</source>
        <translation>正在保存维修单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="254"/>
        <source>Sending the slip to the thermal printer...</source>
        <translation>正在发送维修单到热敏打印机…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="260"/>
        <source>No serial port was found on this PC. Plug the thermal printer&apos;s USB cable in, then press Thermal again (or type its port, for example COM3).</source>
        <translation>这台电脑上没有找到串口。请插好热敏打印机的 USB 线，然后再按“热敏打印”（也可以输入端口，例如 COM3）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="263"/>
        <source>Choose the thermal printer&apos;s port from the list first.</source>
        <translation>请先从列表中选择热敏打印机的端口。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="269"/>
        <source>Sending the kept slips again...</source>
        <translation>正在重新发送保留的维修单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="295"/>
        <source> (copy %1)</source>
        <translation>（副本 %1）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="296"/>
        <source>Slip printed%1: %2</source>
        <translation>维修单已打印%1：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="289"/>
        <source>%1 kept slip(s) printed.</source>
        <translation>已打印 %1 张保留的维修单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="302"/>
        <source>The printer is out of paper.</source>
        <translation>打印机缺纸。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="304"/>
        <source>The printer is offline or cannot be reached.</source>
        <translation>打印机离线或无法连接。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="306"/>
        <source>The slip is kept: fix the printer, then press Retry.</source>
        <translation>维修单已保留：请处理好打印机后点击“重新打印”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="300"/>
        <source>The slip was not printed.</source>
        <translation>维修单未打印。</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="148"/>
        <source>Access (export)</source>
        <extracomment>(export file, password or None for a key shown once), or None when the person cancelled.</extracomment>
        <translation>查阅（导出）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="149"/>
        <source>Rectification</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="150"/>
        <source>Erasure</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="151"/>
        <source>Restriction</source>
        <translation>限制处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="152"/>
        <source>Objection</source>
        <translation>反对</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="153"/>
        <source>Withdrawal of consent</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="158"/>
        <source>&amp;Export...</source>
        <translation>导出(&amp;E)...</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="159"/>
        <source>&amp;Correct details...</source>
        <translation>更正信息(&amp;C)...</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="160"/>
        <source>&amp;Erase...</source>
        <translation>删除(&amp;E)...</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="161"/>
        <source>Re&amp;strict</source>
        <translation>限制处理(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="162"/>
        <source>Record &amp;objection</source>
        <translation>记录反对(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="163"/>
        <source>&amp;Withdraw consents</source>
        <translation>撤回同意(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="167"/>
        <location filename="../../app/ui/pages/privacy_page.py" line="407"/>
        <source>Privacy desk</source>
        <translation>隐私服务台</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="168"/>
        <source>New request</source>
        <translation>新申请</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="174"/>
        <source>Ticket number of the customer</source>
        <translation>客户的工单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="175"/>
        <source>How was the identity checked? (e.g. ID card seen)</source>
        <translation>如何核验身份？（例如：已查验身份证）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="176"/>
        <source>&amp;Take request</source>
        <translation>受理申请(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="177"/>
        <source>C&amp;lose as answered</source>
        <translation>答复后关闭(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="178"/>
        <source>Re&amp;fuse</source>
        <translation>拒绝(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="179"/>
        <source>Run &amp;retention now</source>
        <translation>立即执行保留期限清理(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="182"/>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="183"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="184"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="185"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="186"/>
        <source>Due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="187"/>
        <source>At the latest</source>
        <translation>最迟期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="209"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="226"/>
        <source>%1 request(s) overdue: answer them first.</source>
        <translation>%1 项申请已逾期，请优先处理。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="231"/>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="231"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="231"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="248"/>
        <source>Carry out</source>
        <translation>执行</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="277"/>
        <source>Request %1 taken; answer by %2.</source>
        <translation>已受理申请 %1，请于 %2 前答复。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="288"/>
        <source>answered at the counter</source>
        <translation>已在柜台答复</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="288"/>
        <source>refused at the counter</source>
        <translation>已在柜台拒绝</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="291"/>
        <source>Request %1 closed.</source>
        <translation>申请 %1 已关闭。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="314"/>
        <source>Export written to %1.</source>
        <translation>导出文件已写入 %1。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="316"/>
        <source>Key (shown once, not stored): %1</source>
        <translation>密钥（仅显示一次，不会保存）：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="326"/>
        <source>Details corrected.</source>
        <translation>信息已更正。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="330"/>
        <source>Erase the personal data of request %1? This cannot be undone.</source>
        <translation>确定删除申请 %1 涉及的个人信息吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="337"/>
        <source>Erased: %1 ticket(s) anonymised; the upstream is told.</source>
        <translation>已删除：%1 张工单已匿名化，并已通知上游。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="346"/>
        <source>Processing restricted: no diagnostics, sync or printing.</source>
        <translation>已限制处理：不再诊断、同步或打印。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="352"/>
        <source>Objection recorded.</source>
        <translation>已记录反对。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="358"/>
        <source>%1 consent(s) withdrawn.</source>
        <translation>已撤回 %1 项同意。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="396"/>
        <source>Retention has not run yet in this session.</source>
        <translation>本次登录尚未执行保留期限清理。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="399"/>
        <source>Retention ran at %1 UTC: %2 record(s) deleted or anonymised.</source>
        <translation>保留期限清理已于 %1 UTC 执行：%2 条记录已删除或匿名化。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="411"/>
        <source>Save the export</source>
        <translation>保存导出文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="416"/>
        <source>Export password</source>
        <translation>导出密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="417"/>
        <source>Password the customer chooses (leave empty for a key shown once):</source>
        <translation>由客户设定的密码（留空则生成仅显示一次的密钥）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="427"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="428"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="429"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="430"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="434"/>
        <source>Correct details</source>
        <translation>更正信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="434"/>
        <source>%1 (leave empty to keep):</source>
        <translation>%1（留空则保持不变）：</translation>
    </message>
</context>
<context>
    <name>ProblemWords</name>
    <message>
        <location filename="../../app/ui/problem_words.py" line="44"/>
        <source>Your role does not allow this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="45"/>
        <source>The store could not do this.</source>
        <translation>数据库无法完成此操作。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="46"/>
        <source>There is no Repair Counter store in this folder yet.</source>
        <translation>此文件夹中还没有维修柜台的数据库。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="47"/>
        <source>The account or the password is wrong.</source>
        <translation>账号或密码错误。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="48"/>
        <source>The database file is damaged.</source>
        <translation>数据库文件已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="49"/>
        <source>The key file is here, but the database file is missing.</source>
        <translation>密钥文件在，但数据库文件缺失。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="50"/>
        <source>This is not a Repair Counter file.</source>
        <translation>这不是维修柜台的文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="51"/>
        <source>The audit journal does not verify: records may have been changed.</source>
        <translation>审计日志校验未通过：记录可能已被改动。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="54"/>
        <source>The account could not be changed.</source>
        <translation>无法更改该账号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="55"/>
        <source>This folder already holds a store.</source>
        <translation>此文件夹中已有数据库。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="73"/>
        <source>The store is locked.</source>
        <translation>数据库已锁定。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="74"/>
        <source>The phone did not answer as expected.</source>
        <translation>手机的响应不符合预期。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="75"/>
        <source>The phone connection service (adb) could not start.</source>
        <translation>手机连接服务（adb）无法启动。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="76"/>
        <source>The phone was disconnected.</source>
        <translation>手机已断开连接。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="77"/>
        <source>The phone has not allowed USB debugging for this PC yet.</source>
        <translation>手机尚未允许此电脑进行 USB 调试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="78"/>
        <source>The phone sent far more data than expected.</source>
        <translation>手机发送的数据远超预期。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="79"/>
        <source>A command on the phone failed.</source>
        <translation>手机上的一条命令执行失败。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="80"/>
        <source>A file could not be copied to or from the phone.</source>
        <translation>无法向手机复制文件或从手机复制文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="81"/>
        <source>A file expected on the phone is not there.</source>
        <translation>手机上缺少应有的文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="82"/>
        <source>The diagnostic tool could not be installed on the phone.</source>
        <translation>无法在手机上安装检测工具。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="83"/>
        <source>The phone took too long to answer.</source>
        <translation>手机响应超时。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="84"/>
        <source>The serial port could not be used.</source>
        <translation>无法使用该串口。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="85"/>
        <source>The serial port {port} could not be opened.</source>
        <translation>无法打开串口 {port}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="86"/>
        <source>The upstream address is not a secure (https) address.</source>
        <translation>上级服务器地址不是安全（https）地址。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="87"/>
        <source>The upstream&apos;s certificate is not trusted.</source>
        <translation>上级服务器的证书不受信任。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="88"/>
        <source>The upstream could not be reached.</source>
        <translation>无法连接上级服务器。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="89"/>
        <source>The upstream refused the enrolment code.</source>
        <translation>上级服务器拒绝了注册码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="90"/>
        <source>The upstream no longer accepts this outlet&apos;s credentials.</source>
        <translation>上级服务器不再接受本网点的凭据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="91"/>
        <source>The upstream answered in a way this version does not understand.</source>
        <translation>上级服务器的应答无法被本版本识别。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="94"/>
        <source>The upstream has newer records of this outlet than this PC.</source>
        <translation>上级服务器上本网点的记录比本机更新。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="97"/>
        <source>This outlet is not enrolled with an upstream.</source>
        <translation>本网点尚未在上级服务器注册。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="98"/>
        <source>The upstream&apos;s receipt is not genuine.</source>
        <translation>上级服务器的回执不是真实的。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="99"/>
        <source>The diagnostics could not go on.</source>
        <translation>检测无法继续。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="100"/>
        <source>The customer has not consented to this data category.</source>
        <translation>客户未同意该数据类别。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="105"/>
        <source>There is no active consent of the customer for this run.</source>
        <translation>本次检测没有有效的客户授权。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="106"/>
        <source>The diagnostic tool on the phone needs an update.</source>
        <translation>手机上的检测工具需要更新。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="107"/>
        <source>The diagnostic tool&apos;s installer is not genuine.</source>
        <translation>检测工具的安装包不是正式版本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="108"/>
        <source>The diagnostics were cancelled.</source>
        <translation>检测已取消。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="109"/>
        <source>The consent is not complete.</source>
        <translation>授权信息不完整。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="110"/>
        <source>No such diagnostics run.</source>
        <translation>没有这次检测记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="140"/>
        <source>No such customer.</source>
        <translation>没有该客户。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="143"/>
        <source>This request is already closed.</source>
        <translation>该申请已关闭。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="144"/>
        <source>The person&apos;s identity has not been checked.</source>
        <translation>尚未核验申请人身份。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="145"/>
        <source>The customer has restricted the processing of their data.</source>
        <translation>该客户已申请限制处理其数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="172"/>
        <source>The export cannot be opened with this password or key.</source>
        <translation>无法用此密码或密钥打开导出文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="173"/>
        <source>The export password is too short.</source>
        <translation>导出密码太短。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="175"/>
        <source>A value of the request is not valid.</source>
        <translation>申请中有无效的内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="176"/>
        <source>The ticket could not be changed.</source>
        <translation>无法更改该工单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="141"/>
        <source>No customer found for ticket {ticket}.</source>
        <translation>找不到工单 {ticket} 对应的客户。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="56"/>
        <source>The backup could not be made or read.</source>
        <translation>无法创建或读取备份。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="57"/>
        <source>The backup folder {folder} is not empty.</source>
        <translation>备份文件夹 {folder} 不是空的。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="58"/>
        <source>{folder} is not a finished backup.</source>
        <translation>{folder} 不是一份完整的备份。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="59"/>
        <source>The backup in {folder} was changed after it was made.</source>
        <translation>{folder} 中的备份在创建后被改动过。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="60"/>
        <source>{folder} already holds a store.</source>
        <translation>{folder} 中已有数据存储。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="61"/>
        <source>The outlet hub&apos;s certificate is not the one this counter trusts.</source>
        <translation>网点中心服务器的证书不是本柜台信任的那一个。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="64"/>
        <source>The outlet hub refused this counter.</source>
        <translation>网点中心服务器拒绝了本柜台。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="65"/>
        <source>This counter has not joined an outlet hub.</source>
        <translation>本柜台尚未加入网点中心服务器。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="66"/>
        <source>There is no conflict #{conflict} on this counter.</source>
        <translation>本柜台没有编号为 #{conflict} 的冲突。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="67"/>
        <source>Conflict #{conflict} was already settled, by counter {by} at {at}.</source>
        <translation>冲突 #{conflict} 已由柜台 {by} 于 {at} 解决。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="70"/>
        <source>Conflict #{conflict} is already settled here; the choice waits for the next sync.</source>
        <translation>冲突 #{conflict} 已在本柜台解决，所作选择将在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="101"/>
        <source>The consent names a data category that none of the chosen checks reads.</source>
        <translation>同意书包含了所选检测项目均不读取的数据类别。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="104"/>
        <source>The consent names no customer.</source>
        <translation>同意书未关联客户。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="111"/>
        <source>This phone (IMEI {read}) is not the phone of ticket {ticket} (IMEI {on_ticket}); nothing beyond its identity was read.</source>
        <translation>这部手机（IMEI {read}）不是工单 {ticket} 的手机（IMEI {on_ticket}）；除设备信息外未读取任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="116"/>
        <source>The phone gave no IMEI, so it cannot be checked against ticket {ticket}; the run stopped.</source>
        <translation>未能读取手机的 IMEI，无法核对是否为工单 {ticket} 的手机；已停止检测。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="119"/>
        <source>A run for a ticket first reads the phone&apos;s identity: add device information to the consent.</source>
        <translation>为工单检测须先读取手机身份以核对，请在授权中加入设备信息。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="123"/>
        <source>The ticket&apos;s fault category cannot be set.</source>
        <translation>无法设置该工单的故障类别。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="124"/>
        <source>{category} is not a fault category.</source>
        <translation>{category} 不是故障类别。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="125"/>
        <source>Ticket {ticket} is closed; its fault category stays as it is.</source>
        <translation>工单 {ticket} 已关闭，故障类别保持不变。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="128"/>
        <source>There is no fault suggestion to accept.</source>
        <translation>没有可采纳的故障建议。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="129"/>
        <source>The diagnostics found nothing wrong, so they suggest no fault category.</source>
        <translation>检测未发现问题，因此没有建议的故障类别。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="132"/>
        <source>The diagnostics did not suggest {fault}; they suggest {suggested}.</source>
        <translation>检测没有建议 {fault}；建议的是 {suggested}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="135"/>
        <source>These diagnostics were not run for a ticket: there is no fault category to set.</source>
        <translation>此次检测未关联工单，没有可设置的故障类别。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="138"/>
        <source>This diagnostics run is filed under ticket {ticket}.</source>
        <translation>此次检测已归入工单 {ticket}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="139"/>
        <source>Repair Counter has this store open elsewhere.</source>
        <translation>维修柜台已在别处打开此数据库。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="142"/>
        <source>No privacy request {request}.</source>
        <translation>没有隐私申请 {request}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="146"/>
        <source>Ticket {ticket} cannot be diagnosed: the customer restricted the processing of their data on {since}.</source>
        <translation>工单 {ticket} 不能进行诊断：客户已于 {since} 申请限制处理其个人信息。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="150"/>
        <source>Ticket {ticket} cannot be printed: the customer restricted the processing of their data on {since}.</source>
        <translation>工单 {ticket} 不能打印：客户已于 {since} 申请限制处理其个人信息。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="154"/>
        <source>Ticket {ticket} is not sent upstream: the customer restricted the processing of their data on {since}.</source>
        <translation>工单 {ticket} 不会上传：客户已于 {since} 申请限制处理其个人信息。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="158"/>
        <source>This customer&apos;s phone cannot be diagnosed: the customer restricted the processing of their data on {since}.</source>
        <translation>该客户的手机不能检测：客户已于 {since} 申请限制处理其个人信息。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="163"/>
        <source>This customer&apos;s data cannot be printed: the customer restricted the processing of their data on {since}.</source>
        <translation>该客户的数据不能打印：客户已于 {since} 申请限制处理其个人信息。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="167"/>
        <source>This customer&apos;s data is not sent upstream: the customer restricted the processing of their data on {since}.</source>
        <translation>该客户的数据暂不上传：客户已于 {since} 申请限制处理其个人信息。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="174"/>
        <source>Below {age} a guardian&apos;s consent is needed.</source>
        <translation>未满 {age} 周岁需监护人同意。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="177"/>
        <source>No ticket {ticket} in this store.</source>
        <translation>本数据库中没有工单 {ticket}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="178"/>
        <source>A ticket that is {current} cannot go to {target}. It can go to: {allowed}.</source>
        <translation>工单不能从“{current}”改为“{target}”。可以改为：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="181"/>
        <source>The ticket is {current} and closed; its status cannot change.</source>
        <translation>工单已是“{current}”，已结束，不能再更改状态。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="182"/>
        <source>The ticket is already {current}.</source>
        <translation>工单已经是“{current}”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="183"/>
        <source>Ticket {number} is {current}: invoice after the repair.</source>
        <translation>工单 {number} 当前为“{current}”：请在维修完成后开具账单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="184"/>
        <source>Collection needs the pickup check and signature.</source>
        <translation>取机需核对信息并签名。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="185"/>
        <source>The intake is not complete.</source>
        <translation>收件信息不完整。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="186"/>
        <source>This slip&apos;s code is not genuine.</source>
        <translation>此单据上的码不是真实的。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="187"/>
        <source>The pickup check did not match.</source>
        <translation>取机核对不符。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="188"/>
        <source>The service agreement is not signed yet.</source>
        <translation>服务协议尚未签署。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="189"/>
        <source>The ticket is not under warranty and its estimate is not approved.</source>
        <translation>该工单不在保修期内，且报价尚未获客户确认。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="192"/>
        <source>No ticket matches that number together with that phone number or IMEI.</source>
        <translation>没有与该工单号及该手机号或 IMEI 相符的工单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="195"/>
        <source>The ticket was changed meanwhile.</source>
        <translation>该工单已被他人更改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="196"/>
        <source>The part is not in the price list for this model.</source>
        <translation>该配件不在此机型的价目表中。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="197"/>
        <source>The thermal printer does not answer.</source>
        <translation>热敏打印机无响应。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="198"/>
        <source>The thermal printer is out of paper.</source>
        <translation>热敏打印机缺纸。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="199"/>
        <source>The thermal printer&apos;s cover is open.</source>
        <translation>热敏打印机上盖未合好。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="200"/>
        <source>The device on {port} is not a receipt printer.</source>
        <translation>{port} 上的设备不是可用的小票打印机。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="201"/>
        <source>The thermal printer&apos;s port could not be opened.</source>
        <translation>无法打开热敏打印机的端口。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="202"/>
        <source>The slip is too long to print.</source>
        <translation>单据过长，无法打印。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="203"/>
        <source>The font for the slip is missing.</source>
        <translation>缺少单据所需的字体。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="204"/>
        <source>The slip could not be saved there.</source>
        <translation>无法将单据保存到该位置。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="205"/>
        <source>The stock could not be changed.</source>
        <translation>库存无法更改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="206"/>
        <source>There is no part {part} in the price list.</source>
        <translation>价目表中没有备件 {part}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="207"/>
        <source>Part {part}: {available} available, but {wanted} are needed.</source>
        <translation>备件 {part}：可用 {available} 个，但需要 {wanted} 个。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="208"/>
        <source>This part label is refused.</source>
        <translation>此备件标签被拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="209"/>
        <source>The scan is not a part label.</source>
        <translation>扫描内容不是备件标签。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="210"/>
        <source>The label names a maker&apos;s key that is not known: the part is not verified genuine.</source>
        <translation>标签所指的厂商密钥未知：无法验证为原装备件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="213"/>
        <source>The label is not signed by the part&apos;s maker: it is forged or was altered.</source>
        <translation>标签并非由备件厂商签名：已被伪造或篡改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="216"/>
        <source>The label is for part {part}, not {expected}.</source>
        <translation>此标签属于备件 {part}，而不是 {expected}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="217"/>
        <source>This stock move cannot be made as asked.</source>
        <translation>无法按要求进行此库存变动。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="218"/>
        <source>The quantity {quantity} is not allowed for this move.</source>
        <translation>此变动不允许数量 {quantity}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="219"/>
        <source>Every stock move needs a reason.</source>
        <translation>每次库存变动都需要填写原因。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="220"/>
        <source>Serial {serial} was scanned in before; a part is counted once.</source>
        <translation>序列号 {serial} 之前已扫描入库；一个备件只计一次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="223"/>
        <source>Serial {serial} is not in this outlet&apos;s stock.</source>
        <translation>序列号 {serial} 不在本网点库存中。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="224"/>
        <source>That is not another outlet&apos;s code.</source>
        <translation>这不是其他网点的代码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="225"/>
        <source>The ticket&apos;s parts cannot be changed now.</source>
        <translation>现在无法更改该工单的备件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="226"/>
        <source>Ticket {ticket} has no parts reserved.</source>
        <translation>工单 {ticket} 没有预留备件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="227"/>
        <source>Ticket {ticket} is {current}: parts are fitted while it is being repaired.</source>
        <translation>工单 {ticket} 当前为{current}：备件只能在维修中安装。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="230"/>
        <source>Ticket {ticket}: the estimate is not approved and the repair is not under warranty.</source>
        <translation>工单 {ticket}：报价尚未确认，且维修不在保修范围内。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="233"/>
        <source>No {part} is reserved on this ticket for serial {serial}.</source>
        <translation>此工单上没有为序列号 {serial} 预留的 {part}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="234"/>
        <source>The wipe did not end in a certificate.</source>
        <translation>本次清除未能出具证明。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="238"/>
        <source>The phone&apos;s diagnostic tool cannot wipe, and it was not updated.</source>
        <translation>手机上的检测工具无法执行清除，且未更新。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="242"/>
        <source>The diagnostic tool is not on the phone and the update was refused, so the phone was not wiped.</source>
        <translation>手机上没有检测工具，且客户拒绝更新，手机未被清除。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="246"/>
        <source>The phone&apos;s diagnostic tool is too old to wipe and it was not updated, so the phone was not wiped.</source>
        <translation>手机上的检测工具版本过旧，无法清除，且未更新，手机未被清除。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="250"/>
        <source>The phone&apos;s storage is not encrypted: destroying its keys would erase nothing, so no wipe was started.</source>
        <translation>手机存储未加密：销毁密钥无法清除数据，因此未开始清除。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="254"/>
        <source>This phone is not the phone of ticket {ticket} (its IMEI differs); nothing was erased.</source>
        <translation>这部手机不是维修单 {ticket} 的手机（IMEI 不符），未清除任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="258"/>
        <source>Ticket {ticket} has no IMEI, so the phone cannot be checked against it; nothing was erased.</source>
        <translation>维修单 {ticket} 没有 IMEI，无法核对手机，未清除任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="262"/>
        <source>The phone gave no IMEI to check against the ticket; nothing was erased.</source>
        <translation>手机未提供 IMEI，无法与维修单核对，未清除任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="266"/>
        <source>The phone was unplugged before the tool reported: nobody can say what was erased, so there is no certificate.</source>
        <translation>检测工具报告结果前手机已断开：无法确认清除了什么，因此不出具证明。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="271"/>
        <source>The tool on the phone reported that the wipe failed; the phone was not reset.</source>
        <translation>手机上的检测工具报告清除失败，手机未被重置。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="275"/>
        <source>The tool&apos;s wipe result is missing or unreadable; no certificate was issued.</source>
        <translation>检测工具的清除结果缺失或无法读取，未出具证明。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="279"/>
        <source>The tool reported success but the phone did not reset and leave the cable; nothing was certified.</source>
        <translation>检测工具报告成功，但手机没有重启并断开连接，未出具证明。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="283"/>
        <source>This certificate of erasure does not verify.</source>
        <translation>这份数据清除证明验证未通过。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="287"/>
        <source>The file is not a readable certificate of erasure.</source>
        <translation>该文件不是可读取的数据清除证明。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="291"/>
        <source>The certificate was signed by another key than the one trusted here.</source>
        <translation>该证明不是由此处信任的密钥签名的。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="295"/>
        <source>The outlet&apos;s signature does not match the certificate: it was altered or forged.</source>
        <translation>门店签名与证明内容不符：证明已被篡改或伪造。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="299"/>
        <source>The certificate does not record a successful wipe.</source>
        <translation>该证明没有记录一次成功的清除。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="303"/>
        <source>The upstream&apos;s countersignature does not match the certificate.</source>
        <translation>厂商服务器的加签与证明内容不符。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="307"/>
        <source>There is no such wipe or certificate.</source>
        <translation>没有这次清除或这份证明。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="311"/>
        <source>The message could not be handled.</source>
        <translation>无法处理该短信。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="312"/>
        <source>The modem did not send the message.</source>
        <translation>短信猫未发送该短信。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="313"/>
        <source>The modem or the network is busy; the message will be sent again later.</source>
        <translation>短信猫或网络忙，稍后将重新发送。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="316"/>
        <source>The modem has no network signal; the message will be sent again later.</source>
        <translation>短信猫没有网络信号，稍后将重新发送。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="319"/>
        <source>The modem&apos;s SIM card may be out of credit; the message will be sent again later.</source>
        <translation>短信猫的SIM卡可能已欠费，稍后将重新发送。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="322"/>
        <source>The network refused the message (a wrong number or a malformed message).</source>
        <translation>网络拒绝了该短信（号码错误或短信格式错误）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="325"/>
        <source>The modem refused the message for a reason it did not give.</source>
        <translation>短信猫拒绝了该短信，未说明原因。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="326"/>
        <source>The modem did not answer.</source>
        <translation>短信猫没有响应。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="327"/>
        <source>The modem&apos;s port went away (unplugged).</source>
        <translation>短信猫的端口已断开（已拔出）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="328"/>
        <source>No such message in the queue.</source>
        <translation>队列中没有该短信。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="329"/>
        <source>The message template cannot be used.</source>
        <translation>该短信模板无法使用。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="330"/>
        <source>There is no message template for {event} in {language}.</source>
        <translation>没有 {event} 的 {language} 短信模板。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="331"/>
        <source>The rating could not be recorded.</source>
        <translation>无法记录评分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="332"/>
        <source>A rating is a whole number from 1 to 5.</source>
        <translation>评分为 1 到 5 的整数。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="333"/>
        <source>Ticket {ticket} is not collected yet; it is rated at pickup.</source>
        <translation>工单 {ticket} 尚未取机；评分在取机时进行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="336"/>
        <source>Ticket {ticket} has been rated already.</source>
        <translation>工单 {ticket} 已经评过分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="337"/>
        <source>A rating goes with the outcome &quot;rated&quot;, and only with it.</source>
        <translation>只有结果为“已评分”时才能填写评分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="338"/>
        <source>A follow-up ends as rated, declined or no answer.</source>
        <translation>回访结果为：已评分、拒绝评分或无人接听。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="339"/>
        <source>Only a message whose delivery is uncertain can be settled by hand.</source>
        <translation>只有发送结果不确定的短信才需要人工确认。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="342"/>
        <source>Ticket {ticket} has no consent to messages.</source>
        <translation>工单 {ticket} 没有短信通知的同意。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="348"/>
        <source>Check the cable and that the phone is unlocked, then try again.</source>
        <translation>请检查数据线并解锁手机，然后重试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="350"/>
        <source>Ask an outlet manager to do this, or to change your role.</source>
        <translation>请让网点经理执行此操作，或为您调整角色。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="351"/>
        <source>Set up the store with the first-run wizard.</source>
        <translation>请用首次设置向导建立数据库。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="352"/>
        <source>Choose a new, empty folder for the backup.</source>
        <translation>请为备份选择一个新的空文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="353"/>
        <source>Use another backup, or make a new one.</source>
        <translation>请使用另一份备份，或重新备份。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="354"/>
        <source>Do not restore from this folder. Use another backup.</source>
        <translation>请勿从此文件夹恢复，请使用另一份备份。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="355"/>
        <source>Restore into a new, empty data directory.</source>
        <translation>请恢复到一个新的空数据目录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="356"/>
        <source>Do not go on: compare the fingerprint shown on the hub, and ask the outlet manager.</source>
        <translation>请勿继续：请核对中心服务器上显示的指纹，并询问网点经理。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="359"/>
        <source>Ask the hub&apos;s operator for a new one-time code for this counter.</source>
        <translation>请向中心服务器的管理员为本柜台索取新的一次性验证码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="360"/>
        <source>Join the outlet hub with the code and fingerprint the hub shows.</source>
        <translation>请使用中心服务器显示的验证码和指纹加入网点中心服务器。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="361"/>
        <source>Show the outlet hub page again: the list is up to date there.</source>
        <translation>请重新打开网点集线器页面：那里的列表是最新的。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="362"/>
        <source>Nothing to do: sync to see the choice everywhere.</source>
        <translation>无需操作：同步后各柜台都会看到该选择。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="363"/>
        <source>Nothing to do: press Sync now to send the choice.</source>
        <translation>无需操作：按“立即同步”即可发送该选择。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="364"/>
        <source>Check the account and the password (Caps Lock?). A manager can reset it; if every password is lost, use the recovery key.</source>
        <translation>请检查账号和密码（是否开启了大写锁定？）。经理可以重置密码；如果所有密码都已遗失，请使用恢复密钥。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="369"/>
        <source>Do not write to this data folder. Copy the whole folder somewhere safe, then restore the last backup or call support with this message.</source>
        <translation>请不要再写入此数据文件夹。先将整个文件夹复制到安全位置，然后恢复最近的备份，或带着此信息联系技术支持。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="374"/>
        <source>Restore counter.db from the backup or find where it was moved. A new empty store is never created over a key file.</source>
        <translation>请从备份恢复 counter.db，或找到它被移动到的位置。系统绝不会在已有密钥文件的情况下新建空数据库。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="379"/>
        <source>Choose a Repair Counter data folder, or move the foreign file away.</source>
        <translation>请选择维修柜台的数据文件夹，或移走不属于本软件的文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="382"/>
        <source>Leave the data folder as it is for investigation and inform the outlet manager and HQ audit.</source>
        <translation>请保持数据文件夹原样以便调查，并通知网点经理和总部审计。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="386"/>
        <source>Sign in instead, or choose another data folder.</source>
        <translation>请直接登录，或选择其他数据文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="387"/>
        <source>Sign in again.</source>
        <translation>请重新登录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="389"/>
        <source>Reinstall Repair Counter, or set ADBUTILS_ADB_PATH to a working adb program.</source>
        <translation>请重新安装本软件，或将 ADBUTILS_ADB_PATH 设为可用的 adb 程序。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="392"/>
        <source>Reconnect the phone (try another cable or port) and keep it unlocked.</source>
        <translation>请重新连接手机（可换一根数据线或接口），并保持解锁。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="395"/>
        <source>On the phone, tap &quot;Allow&quot; in the &quot;Allow USB debugging?&quot; dialog.</source>
        <translation>请在手机上的“允许 USB 调试吗？”对话框中点按“允许”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="398"/>
        <source>Restart the phone and try again; if it repeats, report the phone model.</source>
        <translation>请重启手机后重试；如仍出现，请上报该机型。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="404"/>
        <source>Free some storage on the phone and try again.</source>
        <translation>请清理手机存储空间后重试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="405"/>
        <source>Unlock the phone, keep it connected, and try again.</source>
        <translation>请解锁手机并保持连接，然后重试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="406"/>
        <source>Check that the scanner or modem is plugged in and that no other program uses its port.</source>
        <translation>请检查扫码枪或调制解调器已连接，且端口未被其他程序占用。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="409"/>
        <source>Use an https:// address.</source>
        <translation>请使用 https:// 地址。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="410"/>
        <source>Install the upstream&apos;s CA certificate and give its path as the CA bundle setting.</source>
        <translation>请安装上级服务器的 CA 证书，并在 CA 证书设置中填写其路径。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="413"/>
        <source>Nothing is lost: pending records stay queued. Check the line and try again later.</source>
        <translation>数据不会丢失：待同步的记录仍在队列中。请检查网络后稍后重试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="416"/>
        <source>Ask the upstream operator for a new code and enrol again.</source>
        <translation>请向上级服务器管理员索取新的注册码并重新注册。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="417"/>
        <source>Enrol the outlet again with a new code from the upstream operator.</source>
        <translation>请用上级服务器管理员提供的新注册码重新注册本网点。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="420"/>
        <source>Check that the counter and the upstream run compatible versions; the queue is kept.</source>
        <translation>请确认柜台与上级服务器的版本兼容；同步队列会保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="423"/>
        <source>This PC&apos;s store may have been replaced by an older copy: verify the store and inform HQ.</source>
        <translation>本机数据库可能被旧副本替换：请校验数据库并通知总部。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="426"/>
        <source>A manager enrols the outlet once with a code from HQ.</source>
        <translation>请店长用总部提供的注册码为本网点注册一次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="427"/>
        <source>Check the upstream address, then inform HQ.</source>
        <translation>请检查上级服务器地址，然后通知总部。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="428"/>
        <source>Check the phone and the consent, then start the diagnostics again.</source>
        <translation>请检查手机和授权后重新开始检测。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="431"/>
        <source>Ask the customer whether they agree to this data category, or run only the consented checks.</source>
        <translation>请询问客户是否同意该数据类别，或只运行已授权的检测。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="435"/>
        <source>Record the customer&apos;s consent before running diagnostics.</source>
        <translation>请先记录客户的授权，再进行检测。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="436"/>
        <source>Ask the customer whether they agree to the tool update.</source>
        <translation>请询问客户是否同意更新检测工具。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="437"/>
        <source>Do not install it. Sync reference data or reinstall Repair Counter to get the genuine installer.</source>
        <translation>请勿安装。请同步参考数据或重新安装本软件以获取正式安装包。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="441"/>
        <source>Start the diagnostics again when ready.</source>
        <translation>准备好后可重新开始检测。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="442"/>
        <source>Fill in the customer&apos;s name, choose the categories, and have the customer sign or tick.</source>
        <translation>请填写客户姓名、选择数据类别，并请客户签名或勾选确认。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="445"/>
        <source>Check the identifier.</source>
        <translation>请检查编号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="446"/>
        <source>Ask consent only for the categories the chosen checks read (listed with each check).</source>
        <translation>只就所选检测项目实际读取的数据类别征求同意（各检测项目旁列有其类别）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="449"/>
        <source>Name the customer: open the diagnostics from their ticket, or pick a known customer.</source>
        <translation>请关联客户：从客户的工单进入检测，或选择已登记的客户。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="452"/>
        <source>Check which phone this is: run the diagnostics for its own ticket, or open a new ticket for it.</source>
        <translation>请核对手机：为其所属工单重新检测，或为其新建工单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="456"/>
        <source>Pick one of the fault categories listed, on a ticket that is still open.</source>
        <translation>请在未关闭的工单上选择列出的故障类别之一。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="459"/>
        <source>Pick the fault category on the ticket by hand, or run the diagnostics for the ticket first.</source>
        <translation>请在工单上手动选择故障类别，或先为该工单运行检测。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="463"/>
        <source>Close Repair Counter where it is open, then try again: two programs writing one store could lose records.</source>
        <translation>请先关闭在别处打开的维修柜台再重试：两个程序同时写入一个数据库可能丢失记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="467"/>
        <source>Check the ticket number on the request.</source>
        <translation>请核对申请中的工单号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="468"/>
        <source>Pick a request from the list.</source>
        <translation>请从列表中选择一个申请。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="469"/>
        <source>A closed request stays closed; take a new one if the person asks again.</source>
        <translation>已关闭的申请不能再次打开；如对方再次提出，请新建申请。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="472"/>
        <source>Check an identity document or the phone number and ticket, then say how.</source>
        <translation>请核验身份证件或手机号与工单，并记录核验方式。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="475"/>
        <source>Nothing may be done with this customer&apos;s data until a manager lifts the restriction.</source>
        <translation>在店长解除限制之前，不得处理该客户的数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="478"/>
        <source>Check the password or key the customer chose, or make a new export.</source>
        <translation>请核对客户设定的密码或密钥，或重新导出。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="481"/>
        <source>Choose at least 10 characters, or let the app make a key to show once.</source>
        <translation>请设置至少 10 个字符的密码，或由软件生成一次性显示的密钥。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="484"/>
        <source>Record the guardian&apos;s name and consent, or take no identity data.</source>
        <translation>请记录监护人姓名及同意，否则不采集身份数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="487"/>
        <source>Correct the value and try again.</source>
        <translation>请更正后重试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="488"/>
        <source>Check the ticket number on the slip (e.g. SZ01-20261122-0042), or search by phone or IMEI.</source>
        <translation>请核对单据上的工单号（如 SZ01-20261122-0042），或按手机号或 IMEI 搜索。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="491"/>
        <source>Choose one of the statuses listed.</source>
        <translation>请选择列出的状态之一。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="492"/>
        <source>Use Hand over: it checks the phone&apos;s last 4 digits and the signature.</source>
        <translation>请使用“交机”：它会核对手机号后四位和签名。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="495"/>
        <source>Fill in or correct the fields named, then save again.</source>
        <translation>请填写或更正所列的栏目，然后重新保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="496"/>
        <source>Ask for the original slip, or search by the ticket number and the customer&apos;s phone.</source>
        <translation>请索取原始单据，或按工单号和客户手机号搜索。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="499"/>
        <source>Ask for the slip and the phone number given at intake; a manager can help if both are lost.</source>
        <translation>请出示单据并提供收件时登记的手机号；如两者都遗失，请店长协助。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="503"/>
        <source>Show the customer the service agreement and have it signed before any work starts.</source>
        <translation>开始任何维修之前，请向客户出示服务协议并请其签署。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="506"/>
        <source>Record the customer&apos;s approval of the estimate first.</source>
        <translation>请先记录客户对报价的确认。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="507"/>
        <source>Check the ticket number and give the phone number or IMEI used at intake.</source>
        <translation>请核对工单号，并提供收件时登记的手机号或 IMEI。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="510"/>
        <source>Open the ticket again to see its current status, then retry.</source>
        <translation>请重新打开工单查看当前状态，然后重试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="511"/>
        <source>Pick a part from the price list for this model.</source>
        <translation>请从此机型的价目表中选择配件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="512"/>
        <source>Check that the printer is on, its cover is closed and its cable is plugged in, then print again.</source>
        <translation>请检查打印机电源、上盖是否合好、数据线是否连接，然后重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="516"/>
        <source>Load a new paper roll and print again.</source>
        <translation>请装入新的打印纸卷后重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="517"/>
        <source>Choose the printer&apos;s port from the list and check that no other program uses it.</source>
        <translation>请从列表中选择打印机端口，并确认没有其他程序占用该端口。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="520"/>
        <source>Check the ticket for duplicated lines or identifiers and correct it, then print again.</source>
        <translation>请检查工单是否有重复的项目或串号，更正后重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="523"/>
        <source>Reinstall Repair Counter.</source>
        <translation>请重新安装本软件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="524"/>
        <source>Choose a .pdf file in a folder you can write to.</source>
        <translation>请在可写入的文件夹中选择 .pdf 文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="525"/>
        <source>Use a part number from the price list.</source>
        <translation>请使用价目表中的备件编号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="526"/>
        <source>Receive the part first, or request it from dispatch.</source>
        <translation>请先将备件入库，或向调拨申请该备件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="527"/>
        <source>Do not fit this part: set it aside and report it to the maker, or scan the label again.</source>
        <translation>请勿安装此备件：将其单独存放并报告厂商，或重新扫描标签。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="530"/>
        <source>Correct the quantity, the reason or the label and try again.</source>
        <translation>请更正数量、原因或标签后重试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="531"/>
        <source>Approve the estimate so its parts are reserved, or check the ticket&apos;s status.</source>
        <translation>请先确认报价以预留其备件，或检查工单状态。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="534"/>
        <location filename="../../app/ui/problem_words.py" line="538"/>
        <location filename="../../app/ui/problem_words.py" line="542"/>
        <source>Ask the customer to agree to the tool update, or reset the phone by hand without a certificate.</source>
        <translation>请征得客户同意更新检测工具，或手动恢复出厂设置（不出具证明）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="546"/>
        <source>Do not certify this phone: an unencrypted phone needs the maker&apos;s full overwrite procedure.</source>
        <translation>不要为这部手机出具证明：未加密的手机须按厂商的完整覆写流程处理。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="550"/>
        <source>Check that the right phone is connected and that the ticket&apos;s IMEI is correct.</source>
        <translation>请确认连接的是正确的手机，并核对维修单上的 IMEI。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="554"/>
        <source>Reconnect the phone; if it still starts with the customer&apos;s data, offer the wipe again.</source>
        <translation>请重新连接手机；如手机启动后仍有客户数据，请重新提供清除服务。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="558"/>
        <source>Check the phone for a device administrator policy, then try again.</source>
        <translation>请检查手机上是否有设备管理器策略，然后重试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="562"/>
        <source>Restart the phone and check whether it was reset.</source>
        <translation>请重启手机并检查是否已被重置。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="566"/>
        <source>Do not accept this certificate: ask the outlet that issued it for the original.</source>
        <translation>请勿接受这份证明：请向出具证明的门店索取原件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="570"/>
        <source>Check the modem&apos;s antenna, SIM card and credit; queued messages are retried.</source>
        <translation>请检查短信猫的天线、SIM卡和话费；队列中的短信会重新发送。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="573"/>
        <source>Top up the modem&apos;s SIM card; queued messages are retried.</source>
        <translation>请为短信猫的SIM卡充值；队列中的短信会重新发送。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="574"/>
        <source>Move the modem&apos;s antenna or the modem where the signal is better.</source>
        <translation>请将短信猫或其天线移到信号更好的位置。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="577"/>
        <source>Plug the modem in again; queued messages wait for it.</source>
        <translation>请重新插上短信猫；队列中的短信会等待发送。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="578"/>
        <source>Check that the modem is switched on and that no other program uses its port.</source>
        <translation>请确认短信猫已开机，且没有其他程序占用其端口。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="581"/>
        <source>Use only the fields ticket, model, outlet, address and guide, in at most 400 characters.</source>
        <translation>只能使用工单号、型号、门店、地址和保养指南这几个字段，最多 400 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="584"/>
        <source>Only messages shown as uncertain need a decision.</source>
        <translation>只有显示为“不确定”的短信需要确认。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="585"/>
        <source>Ask the customer and record the consent first.</source>
        <translation>请先征求客户同意并记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="591"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="629"/>
        <source>required</source>
        <extracomment>Parameters that are identifiers to be worded before they are shown.</extracomment>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="630"/>
        <source>not asked for this service type</source>
        <translation>此服务类型不需要填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="631"/>
        <source>longer than {limit} characters</source>
        <translation>超过 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="632"/>
        <source>not a phone number</source>
        <translation>不是有效的手机号</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="633"/>
        <source>not an e-mail address</source>
        <translation>不是有效的电子邮箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="634"/>
        <source>only digits are allowed</source>
        <translation>只能输入数字</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="635"/>
        <source>an IMEI has 15 digits; this has {digits}</source>
        <translation>IMEI 应为 15 位，此处为 {digits} 位</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="636"/>
        <source>check digit wrong (a digit is mistyped)</source>
        <translation>校验位不符（有数字输错）</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="637"/>
        <source>far too long for an IMEI</source>
        <translation>作为 IMEI 太长</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="638"/>
        <source>the same as the first IMEI</source>
        <translation>与第一个 IMEI 相同</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="639"/>
        <source>not a date up to today (YYYY-MM-DD)</source>
        <translation>须为今天或之前的日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="640"/>
        <source>a priority from 1 (most urgent) to 4</source>
        <translation>优先级为 1（最紧急）到 4</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="641"/>
        <source>at most {limit} photos</source>
        <translation>最多 {limit} 张照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="642"/>
        <source>a photo&apos;s part is not one of the checklist items</source>
        <translation>照片的部位不在检查项目中</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="643"/>
        <source>a photo is larger than {limit} MB</source>
        <translation>有照片大于 {limit} MB</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="644"/>
        <source>photos must be JPEG or PNG</source>
        <translation>照片须为 JPEG 或 PNG 格式</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="645"/>
        <source>unknown checklist items</source>
        <translation>未知的检查项目</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="646"/>
        <source>each item is OK, damaged or not checked</source>
        <translation>每项须为完好、损坏或未检查</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="647"/>
        <source>at most 20 short names</source>
        <translation>最多 20 个简短名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="648"/>
        <source>an amount like 199.00</source>
        <translation>金额格式如 199.00</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="649"/>
        <source>choose a fault category</source>
        <translation>请选择故障类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="650"/>
        <source>choose a service type</source>
        <translation>请选择服务类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="651"/>
        <source>this IMEI belongs to another model: check the model or the IMEI</source>
        <translation>此 IMEI 属于其他型号：请核对型号或 IMEI</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="652"/>
        <source>no customer {customer}</source>
        <translation>没有客户 {customer}</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="653"/>
        <source>the chosen customer is registered as {name}; a correction is a rectification request at the privacy desk</source>
        <translation>所选客户登记的姓名为 {name}；如需更正，请在隐私事务处提交更正申请</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_words.py" line="657"/>
        <source>the chosen customer&apos;s phone differs; a correction is a rectification request at the privacy desk</source>
        <translation>所选客户的手机号不同；如需更正，请在隐私事务处提交更正申请</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="106"/>
        <source>Service progress</source>
        <translation>维修进度查询</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="109"/>
        <source>For a customer asking about a repair: type or scan the ticket number, then the phone number or IMEI given at intake, and press Enter.</source>
        <translation>客户查询维修进度：输入或扫描工单号，再输入受理时登记的手机号或 IMEI，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="113"/>
        <source>Ticket number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="114"/>
        <source>Phone number or IMEI</source>
        <translation>手机号或 IMEI</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="115"/>
        <source>e.g. SZ01-20261123-0042</source>
        <translation>例如 SZ01-20261123-0042</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="116"/>
        <source>as given at intake</source>
        <translation>受理时登记的号码</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="117"/>
        <source>Show progress</source>
        <translation>查询进度</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="118"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="118"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="127"/>
        <source>No ticket matches that number together with that phone number or IMEI.</source>
        <translation>没有与该工单号及该手机号或 IMEI 相符的工单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="129"/>
        <source>Check the ticket number on the slip and give the phone number or IMEI used at intake.</source>
        <translation>请核对受理单上的工单号，并提供受理时登记的手机号或 IMEI。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="164"/>
        <source>Type the ticket number and the phone number or IMEI, then press Enter.</source>
        <translation>请输入工单号以及手机号或 IMEI，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="206"/>
        <source>Ticket %1: %2</source>
        <translation>工单 %1：%2</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="146"/>
        <source>%1 s</source>
        <extracomment>Width of the longest bar of the battery-history chart, in block characters.</extracomment>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="161"/>
        <source>Counter queue</source>
        <translation>柜台队列</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="163"/>
        <source>Search or scan: ticket number, IMEI or its last 6, phone or its last 4, name, tracking number</source>
        <translation>搜索或扫描：维修单号、IMEI 或后 6 位、手机号或后 4 位、姓名、快递单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="170"/>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="171"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="172"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="173"/>
        <source>Service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="174"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="175"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="176"/>
        <source>Due</source>
        <translation>响应期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="177"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="209"/>
        <source>Open tickets: %1, overdue: %2</source>
        <translation>未结维修单：%1，已超时：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="219"/>
        <source>Search &quot;%2&quot;: %1 found (Esc: back to the queue)</source>
        <translation>搜索“%2”：找到 %1 张（按 Esc 返回队列）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="185"/>
        <source>OVERDUE %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="183"/>
        <source>Responded</source>
        <translation>已响应</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="100"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="103"/>
        <source>It opens the store when every password is lost. It is shown only now: print it or write it down, and keep it in the outlet safe.</source>
        <translation>当所有密码都遗失时，可用它打开数据库。它只显示这一次：请打印或抄写下来，并存放在网点保险柜中。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="114"/>
        <source>&amp;Print the recovery key...</source>
        <translation>打印恢复密钥(&amp;P)……</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="116"/>
        <source>I have printed or written down the recovery key</source>
        <translation>我已打印或抄写恢复密钥</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="211"/>
        <source>Results</source>
        <extracomment>The run shown and its ticket: accepting a suggestion sets that ticket&apos;s fault category.</extracomment>
        <translation>检测结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="212"/>
        <source>View the device log</source>
        <translation>查看设备日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="213"/>
        <source>Use the top suggestion as the fault category</source>
        <translation>采用首项建议作为故障类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="214"/>
        <source>Check</source>
        <translation>检测项目</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="214"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="214"/>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="217"/>
        <source>The findings appear here when the checks have run. Nothing is read from the phone before the customer consents.</source>
        <translation>检测完成后结果显示在这里。客户同意之前，不会从手机读取任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="263"/>
        <source>Ticket %1 now has this fault category.</source>
        <translation>工单 %1 已采用此故障类别。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="275"/>
        <source>Diagnostics complete.</source>
        <translation>检测已完成。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="277"/>
        <source>Diagnostics incomplete: the phone was disconnected or did not answer. What was read before is kept.</source>
        <translation>检测未完成：手机已断开或无响应。已读取的数据已保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="280"/>
        <source>The customer declined the tool update: no diagnostics were run. The repair goes on; the slip will say so.</source>
        <translation>客户拒绝更新检测工具：未进行检测。维修继续，维修单上会注明。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="283"/>
        <source>Diagnostics cancelled.</source>
        <translation>检测已取消。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="284"/>
        <source>The customer withdrew consent: processing stopped and the data was deleted.</source>
        <translation>客户已撤回授权：处理已停止，数据已删除。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="310"/>
        <source>Before handing the phone back: </source>
        <translation>交还手机前：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="318"/>
        <source>Checks</source>
        <translation>检测项目</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="326"/>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="327"/>
        <source>Diagnostic tool</source>
        <translation>检测工具</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="327"/>
        <source> (updated)</source>
        <translation>（已更新）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="331"/>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="332"/>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="333"/>
        <source>Android</source>
        <translation>安卓版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="334"/>
        <source>Build</source>
        <translation>系统版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="335"/>
        <source>Battery level</source>
        <translation>电量</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="336"/>
        <source>Battery health</source>
        <translation>电池健康度</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="337"/>
        <source>Health read by</source>
        <translation>健康度来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="338"/>
        <source>Charge cycles</source>
        <translation>充电循环次数</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="339"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="367"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="367"/>
        <source>Fault found</source>
        <translation>发现故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="367"/>
        <source>No verdict</source>
        <translation>无法判断</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="371"/>
        <source>The phone was identified (see above).</source>
        <translation>已识别手机（见上方）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="373"/>
        <source>The device log was read and stored without personal data.</source>
        <translation>已读取设备日志，保存前已去除个人信息。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="375"/>
        <source>The phone gave no reading for this check.</source>
        <translation>手机未提供此项检测的读数。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="376"/>
        <source>Not run: the customer did not consent to what it reads.</source>
        <translation>未检测：客户未同意此项所需读取的数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="382"/>
        <source>Likely faults, most likely first:</source>
        <translation>可能的故障（按可能性排序）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="395"/>
        <source>This phone was seen before (battery health and charge cycles):</source>
        <translation>此手机曾来检测（电池健康度和充电循环）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="401"/>
        <source>%1 cycles</source>
        <translation>%1 次循环</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="410"/>
        <source>the on-phone diagnostic tool</source>
        <translation>手机上的检测工具</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="411"/>
        <source>dumpsys battery</source>
        <translation>dumpsys battery 命令</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="412"/>
        <source>batterystats (learned capacity)</source>
        <translation>batterystats（学习容量）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="413"/>
        <source>the battery broadcast</source>
        <translation>电池状态广播</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="418"/>
        <source>read</source>
        <translation>已读取</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="419"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="420"/>
        <source>not consented</source>
        <translation>未授权</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="421"/>
        <source>not finished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="422"/>
        <source>not run</source>
        <translation>未进行</translation>
    </message>
</context>
<context>
    <name>ScannerSettingsDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/scanner_settings_dialog.py" line="39"/>
        <source>Barcode scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scanner_settings_dialog.py" line="45"/>
        <source>Pick the serial port of the 2D barcode scanner. Its scans fill the IMEI on a new ticket, or search the queue. A scanner that types like a keyboard needs no port.</source>
        <translation>请选择二维扫码枪所在的串口。扫描结果会填入新工单的 IMEI，或在队列中搜索。像键盘一样输入的扫码枪无需设置端口。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scanner_settings_dialog.py" line="51"/>
        <source>&amp;Look again</source>
        <translation>重新查找(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scanner_settings_dialog.py" line="69"/>
        <source>No serial scanner</source>
        <translation>不使用串口扫码枪</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/scanner_settings_dialog.py" line="74"/>
        <source>%1 (not found now)</source>
        <translation>%1（当前未找到）</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="86"/>
        <source>Staff accounts</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="87"/>
        <source>&amp;Add account...</source>
        <translation>添加账号(&amp;A)……</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="88"/>
        <source>&amp;Remove account</source>
        <translation>移除账号(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="89"/>
        <source>Opening &amp;hours...</source>
        <translation>营业时间(&amp;H)……</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="90"/>
        <source>Engineer ID</source>
        <translation>工程师编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="90"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="90"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="128"/>
        <source>Remove account</source>
        <translation>移除账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="130"/>
        <source>Remove %1? The database key will be changed so that this account&apos;s old key file copy opens nothing.</source>
        <translation>移除 %1？数据库密钥将随之更换，该账号旧的密钥文件副本将无法再打开数据库。</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../app/ui/sync_status.py" line="51"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="78"/>
        <source>Offline: not enrolled with an upstream; %1 changes kept here</source>
        <translation>离线：尚未登记上游服务；%1 项更改保存在本机</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="82"/>
        <source>Syncing...</source>
        <translation>正在同步……</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="83"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="84"/>
        <source>Last sync %1 (UTC); %2 waiting</source>
        <translation>上次同步 %1 (UTC)；%2 项待同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="85"/>
        <source>reference data %1</source>
        <translation>参考数据 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="87"/>
        <source>last error: %1</source>
        <translation>上次错误：%1</translation>
    </message>
</context>
<context>
    <name>TicketDetailPage</name>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="134"/>
        <source>Customer</source>
        <extracomment>Statuses in which the phone may still be diagnosed from the ticket. Header and two rows: enough to see a table has content, so the actions below still fit a 768-pixel screen.</extracomment>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="135"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="136"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="137"/>
        <source>Diagnostics</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="138"/>
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="139"/>
        <source>Response due</source>
        <translation>响应期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="140"/>
        <source>Service agreement</source>
        <translation>维修服务协议</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="141"/>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="263"/>
        <source>Estimate</source>
        <translation>报价</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="145"/>
        <source>Status history</source>
        <translation>状态记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="146"/>
        <source>Estimate and invoice</source>
        <translation>报价与账单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="147"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="147"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="147"/>
        <source>From</source>
        <translation>原状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="147"/>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="148"/>
        <source>Line</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="148"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="148"/>
        <source>Price</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="149"/>
        <source>Note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="150"/>
        <source>Move</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="151"/>
        <source>Run diagnostics (Ctrl+D)</source>
        <translation>运行检测 (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="153"/>
        <source>Phone last 4</source>
        <translation>手机号后四位</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="154"/>
        <source>Collected by (name)</source>
        <translation>取机人姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="155"/>
        <source>Hand over</source>
        <translation>交付取机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="192"/>
        <source>Signed by %1</source>
        <translation>已由 %1 签署</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="194"/>
        <source>Not signed yet: no work may start</source>
        <translation>尚未签署：不得开始维修</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="219"/>
        <source>In warranty</source>
        <translation>在保修期内</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="219"/>
        <source>Not in warranty</source>
        <translation>不在保修期内</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="223"/>
        <source>Purchase date per the registry %1 (the customer said %2).</source>
        <translation>购买日期以厂商登记为准：%1（客户所述 %2）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="227"/>
        <source>%1. %2</source>
        <translation>%1。%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="236"/>
        <source>Responded %1</source>
        <translation>已于 %1 响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="237"/>
        <source>in time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="237"/>
        <source>late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="241"/>
        <source>%1 OVERDUE</source>
        <translation>%1 已超时</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="156"/>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="263"/>
        <source>Invoice</source>
        <translation>账单</translation>
    </message>
</context>
<context>
    <name>TicketWords</name>
    <message>
        <location filename="../../app/ui/ticket_words.py" line="10"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../app/ui/ticket_words.py" line="11"/>
        <source>Diagnosing</source>
        <translation>检测中</translation>
    </message>
    <message>
        <location filename="../../app/ui/ticket_words.py" line="12"/>
        <source>Awaiting approval</source>
        <translation>待客户确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/ticket_words.py" line="13"/>
        <source>Repairing</source>
        <translation>维修中</translation>
    </message>
    <message>
        <location filename="../../app/ui/ticket_words.py" line="14"/>
        <source>Quality check</source>
        <translation>质检中</translation>
    </message>
    <message>
        <location filename="../../app/ui/ticket_words.py" line="15"/>
        <source>Ready for pickup</source>
        <translation>待取机</translation>
    </message>
    <message>
        <location filename="../../app/ui/ticket_words.py" line="16"/>
        <source>Collected</source>
        <translation>已取机</translation>
    </message>
    <message>
        <location filename="../../app/ui/ticket_words.py" line="17"/>
        <source>Waiting for parts</source>
        <translation>等待配件</translation>
    </message>
    <message>
        <location filename="../../app/ui/ticket_words.py" line="18"/>
        <source>Sent to repair centre</source>
        <translation>已送修理中心</translation>
    </message>
    <message>
        <location filename="../../app/ui/ticket_words.py" line="19"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/ticket_words.py" line="20"/>
        <source>Returned unrepaired</source>
        <translation>未修复退回</translation>
    </message>
    <message>
        <location filename="../../app/ui/ticket_words.py" line="27"/>
        <source>Walk-in repair</source>
        <translation>到店维修</translation>
    </message>
    <message>
        <location filename="../../app/ui/ticket_words.py" line="28"/>
        <source>Send-in repair</source>
        <translation>寄修</translation>
    </message>
    <message>
        <location filename="../../app/ui/ticket_words.py" line="29"/>
        <source>Return / exchange</source>
        <translation>退换货</translation>
    </message>
</context>
<context>
    <name>TicketsPage</name>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="68"/>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="71"/>
        <location filename="../../app/ui/pages/tickets_page.py" line="83"/>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="72"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="73"/>
        <source>Service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="74"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="75"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="76"/>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="81"/>
        <source>Counter queue</source>
        <translation>柜台队列</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="82"/>
        <source>New ticket</source>
        <translation>新建维修单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="84"/>
        <source>Newest tickets</source>
        <translation>最新维修单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="85"/>
        <source>Service progress</source>
        <translation>维修进度查询</translation>
    </message>
</context>
<context>
    <name>ToolUpdateDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/tool_update_dialog.py" line="57"/>
        <source>Update the diagnostic tool</source>
        <translation>更新检测工具</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tool_update_dialog.py" line="58"/>
        <source>The customer agrees to the update</source>
        <translation>客户同意更新</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tool_update_dialog.py" line="59"/>
        <source>Update and continue</source>
        <translation>更新并继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tool_update_dialog.py" line="60"/>
        <source>Customer refuses: no diagnostics</source>
        <translation>客户拒绝：不进行检测</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tool_update_dialog.py" line="67"/>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tool_update_dialog.py" line="69"/>
        <source>On the phone: %1    Required: %2 or later</source>
        <translation>手机上：%1    要求：%2 或更高</translation>
    </message>
</context>
<context>
    <name>WipeConsentDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="134"/>
        <source>Data forgetting</source>
        <translation>数据遗忘</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="135"/>
        <source>Ticket</source>
        <translation>维修单</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="136"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="137"/>
        <source>Customer signature</source>
        <translation>客户签名</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="138"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="139"/>
        <source>No signature pad: the customer ticks here to decide</source>
        <translation>没有签名板：客户在此勾选以作决定</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="140"/>
        <source>The customer also agrees to update the diagnostic tool if it is too old</source>
        <translation>如检测工具版本过旧，客户同意先更新检测工具</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="141"/>
        <source>Customer agrees: erase the phone</source>
        <translation>客户同意：清除手机数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="142"/>
        <source>Customer refuses</source>
        <translation>客户拒绝</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/data_forgetting.py" line="143"/>
        <source>Close without a decision</source>
        <translation>关闭（不作决定）</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../app/ui/workspace.py" line="89"/>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="92"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="93"/>
        <source>Audit journal</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="96"/>
        <source>Spare parts</source>
        <translation>备件</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="97"/>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="98"/>
        <source>Outlet hub</source>
        <translation>网点集线器</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="142"/>
        <source>New ticket</source>
        <translation>新建维修单</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="143"/>
        <source>Search or scan in the counter queue</source>
        <translation>在柜台队列中搜索或扫码</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="144"/>
        <source>New ticket or ticket page: run diagnostics for this customer</source>
        <translation>新建工单或工单页：为该客户运行诊断</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="145"/>
        <source>Ticket page: save the slip as PDF</source>
        <translation>工单页：将服务单保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="146"/>
        <source>New ticket: next step; on the last step, save</source>
        <translation>新建工单：下一步；在最后一步时保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="147"/>
        <source>New ticket: previous step</source>
        <translation>新建工单：上一步</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="148"/>
        <source>Queue: back from a search; progress query: next customer</source>
        <translation>队列：退出搜索；进度查询：下一位客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="149"/>
        <source>Next / previous field (also out of tables)</source>
        <translation>下一个 / 上一个栏目（也可移出表格）</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="150"/>
        <source>Lock the counter</source>
        <translation>锁定柜台</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="151"/>
        <source>This help</source>
        <translation>本帮助</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="90"/>
        <source>Phones</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="91"/>
        <source>Diagnostics</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="94"/>
        <source>Privacy desk</source>
        <translation>隐私服务台</translation>
    </message>
    <message>
        <location filename="../../app/ui/workspace.py" line="95"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
</context>
</TS>
