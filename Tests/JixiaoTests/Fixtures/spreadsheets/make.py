"""Writes the workbooks of this folder as a clerk's sheet looks: a title row, a unit line, a two-row
header with a merged 绩效指标 heading, merged project cells, percent-formatted cells, a hidden row, a
合计 row, a note below the table, and an instructions sheet. Run with openpyxl to write them again."""
import openpyxl
from openpyxl.styles import Alignment

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "绩效目标表"
ws["A1"] = "2023年度示例县工业和信息化局项目支出绩效目标表"
ws.merge_cells("A1:J1")
ws["A2"] = "单位：万元"
header = ["序号", "项目名称", "项目编码", "资金总额（万元）", "年度目标", "绩效指标"]
for column, title in enumerate(header, start=1):
    ws.cell(row=3, column=column, value=title)
ws.merge_cells("F3:J3")
for column in range(1, 6):
    ws.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
for column, title in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "计量单位"], start=6):
    ws.cell(row=4, column=column, value=title)
rows = [
    (1, "信息化运维经费", "150600230000000001", 1200.5, "保障系统稳定运行", "产出指标", "数量指标", "维护系统数", 40, "个"),
    (None, None, None, None, None, "产出指标", "质量指标", "系统可用率", 0.99, "%"),
    (None, None, None, None, None, "满意度指标", "服务对象满意度指标", "用户满意度", 0.9, "%"),
    (2, "企业培训经费", "150600230000000002", 30, "提升企业管理水平", "产出指标", "数量指标", "培训人次", "≥300", "人次"),
    (None, None, None, None, None, "效益指标", "社会效益指标", "隐藏的草稿行", "≥1", "项"),
    (None, None, None, None, None, "满意度指标", "服务对象满意度指标", "参训满意度", 0.95, "%"),
]
for index, row in enumerate(rows, start=5):
    for column, value in enumerate(row, start=1):
        if value is not None:
            cell = ws.cell(row=index, column=column, value=value)
            if isinstance(value, float) and value < 1:
                cell.number_format = "0%"
            if column == 4:
                cell.number_format = "#,##0.00"
# The project cells merged down over their indicator rows.
for column in range(1, 6):
    ws.merge_cells(start_row=5, start_column=column, end_row=7, end_column=column)
    ws.merge_cells(start_row=8, start_column=column, end_row=10, end_column=column)
ws.row_dimensions[9].hidden = True
ws["A11"] = "合计"
ws.merge_cells("A11:C11")
ws["D11"] = 1230.5
ws["D11"].number_format = "#,##0.00"
ws["A12"] = "注：本表金额单位为万元，指标值为年度目标。"
ws.merge_cells("A12:J12")
ws["A12"].alignment = Alignment(wrap_text=True)
notes = wb.create_sheet("填表说明")
notes["A1"] = "请按财政局要求填写。"
wb.save("clerk.xlsx")
